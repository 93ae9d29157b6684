package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoComplex;
import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoTime;
import io.multistep.gotemplate.internal.go.GoValues;
import io.multistep.gotemplate.internal.GoFunc.P;
import io.multistep.gotemplate.internal.Node.ActionNode;
import io.multistep.gotemplate.internal.Node.BoolNode;
import io.multistep.gotemplate.internal.Node.BranchKind;
import io.multistep.gotemplate.internal.Node.BranchNode;
import io.multistep.gotemplate.internal.Node.BreakNode;
import io.multistep.gotemplate.internal.Node.ChainNode;
import io.multistep.gotemplate.internal.Node.CommandNode;
import io.multistep.gotemplate.internal.Node.ContinueNode;
import io.multistep.gotemplate.internal.Node.DotNode;
import io.multistep.gotemplate.internal.Node.FieldNode;
import io.multistep.gotemplate.internal.Node.IdentifierNode;
import io.multistep.gotemplate.internal.Node.ListNode;
import io.multistep.gotemplate.internal.Node.NilNode;
import io.multistep.gotemplate.internal.Node.NumberNode;
import io.multistep.gotemplate.internal.Node.PipeNode;
import io.multistep.gotemplate.internal.Node.StringNode;
import io.multistep.gotemplate.internal.Node.TemplateNode;
import io.multistep.gotemplate.internal.Node.TextNode;
import io.multistep.gotemplate.internal.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tree-walking executor with Go {@code text/template} semantics and option
 * {@code missingkey=zero}. Java {@code null} plays both Go's nil interface and the invalid
 * value; printing it at the top of an action gives {@code <no value>}.
 */
public final class Executor {

    private static final RuntimeException BREAK = new OutBuffer.LimitError("break");
    private static final RuntimeException CONTINUE = new OutBuffer.LimitError("continue");
    private static final Object MISSING = new Object();

    private final String text;
    private final Map<String, ListNode> trees;
    private final Map<String, GoFunc> funcs;
    private final OutBuffer out;
    private final int maxDepth;
    private long rangeBudget;
    private String tmplName;
    private Node node;
    private int depth;
    private Variables vars = new Variables(16);
    private int[] lineStarts;

    /**
     * @param text the template text (for error positions)
     * @param trees parsed trees
     * @param funcs function map (builtins are handled here)
     * @param out output buffer
     * @param maxDepth maximum nested template calls
     * @param maxRangeIterations maximum total range iterations
     */
    public Executor(String text, Map<String, ListNode> trees, Map<String, GoFunc> funcs, OutBuffer out,
                    int maxDepth, long maxRangeIterations) {
        this.text = text;
        this.trees = trees;
        this.funcs = funcs;
        this.out = out;
        this.maxDepth = maxDepth;
        this.rangeBudget = maxRangeIterations;
    }

    /** Executes tree {@code name} with {@code data} as dot. */
    public void execute(String name, Object data) {
        ListNode root = trees.get(name);
        tmplName = name;
        if (root == null) {
            throw new GoError(GoError.Kind.EXEC, "template: " + name + ": \"" + name
                    + "\" is an incomplete or empty template", -1);
        }
        vars.push("$", data);
        try {
            walk(data, root);
        } catch (OutBuffer.LimitError e) {
            throw error(e.getMessage());
        } catch (StackOverflowError e) {
            throw error("exceeded maximum template nesting (stack exhausted)");
        }
    }

    // ------------------------------------------------------------------ walking

    private void walk(Object dot, Node n) {
        if (n instanceof TextNode t) {
            out.append(t.text(), t.pos(), true);
        } else if (n instanceof ActionNode a) {
            Object val = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                node = a;
                out.append(printValue(val), a.pos(), false);
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.nodes()) {
                walk(dot, c);
            }
        } else if (n instanceof BranchNode b) {
            if (b.kind() == BranchKind.RANGE) {
                walkRange(dot, b);
            } else {
                walkIfOrWith(dot, b);
            }
        } else if (n instanceof TemplateNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof BreakNode) {
            throw BREAK;
        } else if (n instanceof ContinueNode) {
            throw CONTINUE;
        } else {
            node = n;
            throw error("unknown node: " + n);
        }
    }

    static String printValue(Object v) {
        if (v == null) {
            return "<no value>";
        }
        if (v instanceof String s) {
            return s;
        }
        return GoFmt.sprintValue(v);
    }

    private void walkIfOrWith(Object dot, BranchNode b) {
        int mark = vars.mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            boolean truth = GoValues.isTrue(val);
            if (truth) {
                walk(b.kind() == BranchKind.WITH ? val : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            vars.pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        node = r;
        int mark = vars.mark();
        try {
            Object val = evalPipeline(dot, r.pipe());
            int mark2 = vars.mark();
            if (val instanceof List<?> list) {
                if (!list.isEmpty()) {
                    for (int i = 0; i < list.size(); i++) {
                        if (!oneIteration(r, (long) i, new Boxed(list.get(i)), mark2)) {
                            break;
                        }
                    }
                    return;
                }
            } else if (val instanceof Map<?, ?> m) {
                if (!m.isEmpty()) {
                    for (Map.Entry<?, ?> e : GoValues.sortedEntries(m)) {
                        if (!oneIteration(r, e.getKey(), new Boxed(e.getValue()), mark2)) {
                            break;
                        }
                    }
                    return;
                }
            } else if (val != null) {
                // Go reports at the last node the pipeline evaluated, not at the range.
                throw error("range can't iterate over " + GoFmt.sprintValue(val));
            }
            if (r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            vars.pop(mark);
        }
    }

    // Returns false on break.
    private boolean oneIteration(BranchNode r, Object index, Object elem, int mark) {
        if (--rangeBudget < 0) {
            node = r;
            throw error("range iterations exceed the limit");
        }
        List<VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                if (decl.size() > 1) {
                    setVar(decl.get(0).ident().get(0), index);
                    setVar(decl.get(1).ident().get(0), elem);
                } else {
                    setVar(decl.get(0).ident().get(0), elem);
                }
            } else {
                vars.setFromTop(1, elem);
                if (decl.size() > 1) {
                    vars.setFromTop(2, index);
                }
            }
        }
        try {
            walk(elem, r.list());
        } catch (RuntimeException e) {
            if (e == BREAK) {
                return false;
            }
            if (e != CONTINUE) {
                throw e;
            }
        } finally {
            vars.pop(mark);
        }
        return true;
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        node = t;
        ListNode tmpl = trees.get(t.name());
        if (tmpl == null) {
            throw error("template " + GoFmt.quote(t.name()) + " not defined");
        }
        if (depth >= maxDepth) {
            throw error("exceeded maximum template depth (" + maxDepth + ")");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        String savedName = tmplName;
        Variables saved = vars;
        vars = new Variables(8);
        depth++;
        tmplName = t.name();
        try {
            vars.push("$", newDot);
            walk(newDot, tmpl);
        } finally {
            depth--;
            tmplName = savedName;
            vars = saved;
        }
    }

    private void setVar(String name, Object value) {
        if (!vars.set(name, value)) {
            throw error("undefined variable: " + name);
        }
    }

    private Object varValue(String name) {
        int at = vars.find(name);
        if (at < 0) {
            throw error("undefined variable: " + name);
        }
        return vars.get(at);
    }

    // ------------------------------------------------------------------ evaluation

    private Object evalPipeline(Object dot, PipeNode pipe) {
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
            if (value instanceof Boxed b) {
                value = b.value();
            }
        }
        if (value == MISSING) {
            value = null;
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().get(0), value);
            } else {
                vars.push(v.ident().get(0), value);
            }
        }
        return value;
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            node = f;
            return evalFieldChain(dot, dot, f, f.ident(), cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChain(dot, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariable(dot, v, cmd.args(), fin);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw error("nil is not a command");
        }
        if (first instanceof NumberNode n) {
            return idealConstant(n);
        }
        if (first instanceof StringNode s) {
            return s.text();
        }
        throw error("can't evaluate command " + GoFmt.quote(first.toString()));
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args != null && args.size() > 1 || fin != MISSING) {
            throw error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object idealConstant(NumberNode n) {
        node = n;
        if (n.isComplex()) {
            return new GoComplex(n.floatValue(), n.imag());
        }
        String t = n.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && !t.contains("p") && !t.contains("P");
        if (n.isFloat() && !hexInt && !t.startsWith("'") && containsAny(t, ".eEpP")) {
            return n.floatValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        if (n.isUint()) {
            throw error(t + " overflows int");
        }
        return null;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Object evalVariable(Object dot, VariableNode v, List<Node> args, Object fin) {
        node = v;
        Object value = varValue(v.ident().get(0));
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
    }

    private Object evalChain(Object dot, ChainNode c, List<Node> args, Object fin) {
        node = c;
        if (c.node() instanceof NilNode) {
            throw error("indirection through explicit nil in " + c);
        }
        Object pipe = evalArg(dot, null, c.node());
        return evalFieldChain(dot, pipe, c, c.field(), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args,
                                  Object fin) {
        // Errors are reported at the node Go's state last marked (for a chain, its operand).
        int last = ident.size() - 1;
        boolean inInterface = false;
        if (receiver instanceof Boxed b) {
            receiver = b.value();
            inInterface = true;
        }
        for (int i = 0; i <= last; i++) {
            String field = ident.get(i);
            boolean hasArgs = i == last && (args != null && args.size() > 1 || fin != MISSING);
            if (receiver == null) {
                if (i == 0 && !inInterface) {
                    return null;
                }
                throw error("nil pointer evaluating interface {}." + field);
            }
            if (receiver instanceof GoMethods gm && gm.method(field) != null) {
                node = n;
                receiver = evalCall(dot, gm.method(field), n, i == last && args != null && args.size() > 1
                        ? args.subList(1, args.size()) : List.of(), i == last ? fin : MISSING);
                // a method's result has its static type, not interface {}; errors stay at this node
                node = n;
                inInterface = false;
                continue;
            }
            if (receiver instanceof Map<?, ?> m) {
                if (hasArgs) {
                    throw error(field + " is not a method but has arguments");
                }
                receiver = m.get(field);
                inInterface = true;
                continue;
            }
            String type = inInterface ? "interface {}" : GoValues.typeName(receiver);
            throw error("can't evaluate field " + field + " in type " + type);
        }
        return receiver;
    }

    // call is the node Go names when the function fails: the whole command, or the bare identifier
    // when the function is an operand.
    private Object evalFunction(Object dot, IdentifierNode id, Node call, List<Node> cmdArgs, Object fin) {
        node = id;
        String name = id.name();
        List<Node> args = cmdArgs.subList(1, cmdArgs.size());
        GoFunc f = funcs.get(name);
        if (f == null) {
            return evalBuiltin(dot, call, name, args, fin);
        }
        return evalCall(dot, f, call, args, fin);
    }

    private Object evalCall(Object dot, GoFunc f, Node call, List<Node> args, Object fin) {
        String name = f.name();
        int numIn = args.size() + (fin != MISSING ? 1 : 0);
        int nParams = f.params().length;
        if (f.variadic() != null) {
            if (numIn < nParams) {
                throw error("wrong number of args for " + name + ": want at least " + nParams + " got " + args.size());
            }
        } else if (numIn != nParams) {
            throw error("wrong number of args for " + name + ": want " + nParams + " got " + numIn);
        }
        Object[] argv = new Object[numIn];
        int i = 0;
        for (; i < nParams && i < args.size(); i++) {
            argv[i] = evalArg(dot, f.params()[i], args.get(i));
        }
        for (; i < args.size(); i++) {
            argv[i] = evalArg(dot, f.variadic(), args.get(i));
        }
        if (fin != MISSING) {
            P t = i < nParams ? f.params()[i] : f.variadic();
            argv[i] = validateType(fin, t, false);
        }
        try {
            return f.body().call(argv);
        } catch (FuncError e) {
            node = call;
            throw error("error calling " + name + ": " + e.getMessage());
        } catch (ArithmeticException e) {
            node = call;
            throw error("error calling " + name + ": runtime error: integer divide by zero");
        } catch (IndexOutOfBoundsException e) {
            node = call;
            throw error("error calling " + name + ": runtime error: " + GoPanics.describe(e));
        } catch (GoError | OutBuffer.LimitError e) {
            throw e;
        } catch (RuntimeException e) {
            // A Java failure inside a function is a bug; Go would recover the panic the same way.
            node = call;
            throw error("error calling " + name + ": runtime error: " + GoPanics.describe(e));
        }
    }

    private Object evalArg(Object dot, P typ, Node n) {
        node = n;
        if (n instanceof DotNode) {
            return validateType(dot, typ, false);
        }
        if (n instanceof NilNode) {
            if (typ == null || canBeNil(typ)) {
                return null;
            }
            throw error("cannot assign nil to " + typ.goType());
        }
        if (n instanceof FieldNode f) {
            return validateType(evalFieldChain(dot, dot, f, f.ident(), List.of(n), MISSING), typ, true);
        }
        if (n instanceof VariableNode v) {
            return validateType(evalVariable(dot, v, null, MISSING), typ, v.ident().size() > 1);
        }
        if (n instanceof PipeNode p) {
            return validateType(evalPipeline(dot, p), typ, false);
        }
        if (n instanceof IdentifierNode id) {
            return validateType(evalFunction(dot, id, id, List.of(id), MISSING), typ, false);
        }
        if (n instanceof ChainNode c) {
            return validateType(evalChain(dot, c, null, MISSING), typ, true);
        }
        if (typ == null || typ == P.ANY) {
            if (n instanceof StringNode s) {
                return s.text();
            }
            if (n instanceof BoolNode b) {
                return b.value();
            }
            if (n instanceof NumberNode num) {
                return idealConstant(num);
            }
            throw error("can't handle " + n + " for arg of type interface {}");
        }
        switch (typ) {
            case BOOL:
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                throw error("expected bool; found " + n);
            case FLOAT64:
                if (n instanceof NumberNode num && num.isFloat()) {
                    return num.floatValue();
                }
                throw error("expected float; found " + n);
            case INT:
                if (n instanceof NumberNode num && num.isInt()) {
                    return num.intValue();
                }
                throw error("expected integer; found " + n);
            case STRING:
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw error("expected string; found " + n);
            default:
                throw error("can't handle " + n + " for arg of type " + typ.goType());
        }
    }

    private static boolean canBeNil(P typ) {
        return typ == P.ANY || typ == P.MAP;
    }

    private Object validateType(Object value, P typ, boolean fromMap) {
        if (value instanceof Boxed b) {
            value = b.value();
            fromMap = true;
        }
        if (typ == null || typ == P.ANY) {
            return value;
        }
        if (value == null) {
            if (canBeNil(typ)) {
                return null;
            }
            if (fromMap) {
                throw error("wrong type for value; expected " + typ.goType() + "; got interface {}");
            }
            throw error("invalid value; expected " + typ.goType());
        }
        boolean ok;
        switch (typ) {
            case STRING: ok = value instanceof String; break;
            case INT: ok = value instanceof Long || value instanceof Integer; break;
            case FLOAT64: ok = value instanceof Double; break;
            case BOOL: ok = value instanceof Boolean; break;
            case MAP: ok = value instanceof Map; break;
            case TIME: ok = value instanceof GoTime; break;
            default: ok = true;
        }
        if (!ok) {
            throw error("wrong type for value; expected " + typ.goType() + "; got " + GoValues.typeName(value));
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }

    // ------------------------------------------------------------------ builtins

    /** Names of Go's builtin functions. */
    public static final java.util.Set<String> BUILTINS = Builtins.NAMES;

    private List<Object> evalArgs(Object dot, List<Node> args, Object fin) {
        List<Object> vals = new ArrayList<>(args.size() + 1);
        for (Node a : args) {
            vals.add(evalArg(dot, P.ANY, a));
        }
        if (fin != MISSING) {
            vals.add(fin);
        }
        return vals;
    }

    // Like Go's evalCall for the builtins: arity is checked before any argument is evaluated, and a
    // failing builtin is reported at the whole command.
    private Object evalBuiltin(Object dot, Node call, String name, List<Node> args, Object fin) {
        int numIn = args.size() + (fin != MISSING ? 1 : 0);
        int fixed = Builtins.fixedParams(name);
        if (fixed < 0) {
            throw error("function " + GoFmt.quote(name) + " not defined");
        }
        if (Builtins.isVariadic(name)) {
            if (numIn < fixed) {
                throw error("wrong number of args for " + name + ": want at least " + fixed + " got " + args.size());
            }
        } else if (numIn != fixed) {
            throw error("wrong number of args for " + name + ": want " + fixed + " got " + numIn);
        }
        if (name.equals("and") || name.equals("or")) {
            Object v = null;
            for (Node a : args) {
                v = evalArg(dot, P.ANY, a);
                if (GoValues.isTrue(v) == name.equals("or")) {
                    return v;
                }
            }
            return fin != MISSING ? fin : v;
        }
        List<Object> a;
        if (name.equals("printf")) {
            // printf's format is a string parameter, checked like a Go function's.
            a = new ArrayList<>(numIn);
            a.add(args.isEmpty() ? validateType(fin, P.STRING, false) : evalArg(dot, P.STRING, args.get(0)));
            if (!args.isEmpty()) {
                a.addAll(evalArgs(dot, args.subList(1, args.size()), fin));
            }
        } else {
            a = evalArgs(dot, args, fin);
        }
        try {
            boolean untypedNil = name.equals("len") && a.get(0) == null
                    && !heldInInterface(dot, args.isEmpty() ? null : args.get(0));
            return Builtins.call(name, a, untypedNil);
        } catch (FuncError e) {
            node = call;
            throw error("error calling " + name + ": " + e.getMessage());
        } catch (GoError | OutBuffer.LimitError e) {
            throw e;
        } catch (RuntimeException e) {
            // A Java failure here is a bug; report it as Go reports a panic inside a function.
            node = call;
            throw error("error calling " + name + ": runtime error: " + GoPanics.describe(e));
        }
    }

    // Whether operand n yields a nil held in an interface (a map entry, a range element) rather than
    // Go's invalid value (nil itself, nil data, a variable holding nil).
    private boolean heldInInterface(Object dot, Node n) {
        if (n instanceof FieldNode || n instanceof ChainNode) {
            return !(n instanceof FieldNode && dot == null);
        }
        if (n instanceof VariableNode v) {
            return v.ident().size() > 1 || varValue(v.ident().get(0)) instanceof Boxed;
        }
        return n instanceof DotNode && dot instanceof Boxed;
    }

    /** A value held in an interface{} slot (a range element), which Go treats unlike a bare value. */
    private record Boxed(Object value) {
    }

    // ------------------------------------------------------------------ errors

    private GoError error(String msg) {
        int pos = -1;
        if (node == null) {
            return new GoError(GoError.Kind.EXEC, "template: " + tmplName + ": " + msg, -1);
        }
        pos = node.pos();
        String context = node.toString();
        String location = location(pos);
        return new GoError(GoError.Kind.EXEC, "template: " + location + ": executing " + GoFmt.quote(tmplName)
                + " at <" + context + ">: " + msg, pos);
    }

    private String location(int pos) {
        if (lineStarts == null) {
            lineStarts = ErrorContext.lineStarts(text);
        }
        return ErrorContext.location(mainName, text, lineStarts, pos);
    }

    private String mainName = "";

    /** Sets the parse name used in error locations (the top-level template name). */
    public Executor parseName(String name) {
        this.mainName = name;
        return this;
    }
}
