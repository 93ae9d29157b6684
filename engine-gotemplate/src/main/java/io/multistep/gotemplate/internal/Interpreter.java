package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.Node.ListNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/** Parse + execute entry points of the engine, run on a thread with a large stack. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Interpreter {

    private static final long STACK_SIZE = 256L * 1024 * 1024;

    private Interpreter() {
    }

    /** A parsed template set. */
    public record Compiled(String name, String text, Map<String, ListNode> trees, Map<String, GoFunc> funcs) {
    }

    /** Parses; throws {@link GoError} with Go's message. */
    public static Compiled parse(String name, String text, Map<String, GoFunc> funcs, int maxParseDepth) {
        Map<String, ListNode> trees = deep(() -> {
            try {
                return Parser.parse(name, text, n -> funcs.containsKey(n) || Executor.BUILTINS.contains(n),
                        maxParseDepth);
            } catch (StackOverflowError e) {
                throw new GoError(GoError.Kind.PARSE, "template: " + name + ": exceeded maximum nesting depth", -1);
            } catch (GoError e) {
                throw e;
            } catch (RuntimeException e) {
                throw new GoError(GoError.Kind.PARSE, "template: " + name + ": " + GoPanics.describe(e), -1);
            }
        });
        return new Compiled(name, text, trees, funcs);
    }

    /** Executes; throws {@link GoError} with Go's message. */
    public static OutBuffer execute(Compiled c, Object data, int maxDepth, long maxOutput, long maxRange) {
        return deep(() -> {
            OutBuffer out = new OutBuffer(maxOutput);
            try {
                new Executor(c.text(), c.trees(), c.funcs(), out, maxDepth, maxRange).parseName(c.name())
                        .execute(c.name(), data);
            } catch (GoError e) {
                throw e;
            } catch (RuntimeException e) {
                // Last line of defence: a Java failure is a bug, but it must still read like Go.
                throw new GoError(GoError.Kind.EXEC, "template: " + c.name() + ": runtime error: "
                        + GoPanics.describe(e), -1);
            }
            return out;
        });
    }

    /** Runs {@code s} on a fresh thread with a large stack, rethrowing its runtime exceptions. */
    static <T> T deep(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(s.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "template-engine", STACK_SIZE);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new GoError(GoError.Kind.EXEC, "interrupted", -1);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        return result.get();
    }
}
