package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoStrconv;
import io.multistep.gotemplate.internal.Lexer.Item;
import io.multistep.gotemplate.internal.Lexer.Type;
import io.multistep.gotemplate.internal.Node.ActionNode;
import io.multistep.gotemplate.internal.Node.BoolNode;
import io.multistep.gotemplate.internal.Node.BranchKind;
import io.multistep.gotemplate.internal.Node.BranchNode;
import io.multistep.gotemplate.internal.Node.BreakNode;
import io.multistep.gotemplate.internal.Node.ChainNode;
import io.multistep.gotemplate.internal.Node.CommandNode;
import io.multistep.gotemplate.internal.Node.ContinueNode;
import io.multistep.gotemplate.internal.Node.DotNode;
import io.multistep.gotemplate.internal.Node.ElseNode;
import io.multistep.gotemplate.internal.Node.EndNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Recursive-descent parser for Go {@code text/template}, a port of Go 1.20's
 * {@code text/template/parse/parse.go} including its error texts. Produces the set of named
 * trees (the main one plus {@code define}/{@code block} definitions).
 */
public final class Parser {

    private final String name;
    private final List<Item> items;
    private final Predicate<String> hasFunction;
    private final int maxDepth;
    private final Map<String, ListNode> trees;
    private int idx;
    private List<String> vars = new ArrayList<>();
    private int actionLine;
    private int actionStart;
    private int rangeDepth;
    private int depth;

    private Parser(String name, String text, Predicate<String> hasFunction, int maxDepth,
                   Map<String, ListNode> trees) {
        this.name = name;
        this.items = Lexer.lex(text);
        this.hasFunction = hasFunction;
        this.maxDepth = maxDepth;
        this.trees = trees;
        vars.add("$");
    }

    /**
     * Parses {@code text}; returns all trees by name (the main tree under {@code name}).
     *
     * @throws GoError with Go's message on a syntax error
     */
    public static Map<String, ListNode> parse(String name, String text, Predicate<String> hasFunction,
                                              int maxDepth) {
        Map<String, ListNode> trees = new LinkedHashMap<>();
        Parser p = new Parser(name, text, hasFunction, maxDepth, trees);
        ListNode root = p.parseRoot();
        ListNode existing = trees.get(name);
        if (existing == null || isEmptyTree(existing)) {
            trees.put(name, root);
        } else if (!isEmptyTree(root)) {
            throw p.error("template: multiple definition of template " + GoFmt.quote(name));
        }
        return trees;
    }

    private ListNode parseRoot() {
        ListNode root = new ListNode(peek().pos(), new ArrayList<>());
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                int delimIdx = idx;
                next();
                if (nextNonSpace().type() == Type.DEFINE) {
                    parseDefinition();
                    continue;
                }
                idx = delimIdx;
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw error("unexpected " + n);
            }
            root.nodes().add(n);
        }
        return root;
    }

    private void parseDefinition() {
        String context = "define clause";
        Item nameItem = nextNonSpace();
        if (nameItem.type() != Type.STRING && nameItem.type() != Type.RAW_STRING) {
            throw unexpected(nameItem, context);
        }
        String defName = unquote(nameItem);
        expect(Type.RIGHT_DELIM, context);
        List<String> saved = vars;
        vars = new ArrayList<>();
        vars.add("$");
        Object[] r = itemList();
        vars = saved;
        if (!(r[1] instanceof EndNode)) {
            throw error("unexpected " + r[1] + " in " + context);
        }
        add(defName, (ListNode) r[0]);
    }

    private void add(String treeName, ListNode root) {
        ListNode tree = trees.get(treeName);
        if (tree == null || isEmptyTree(tree)) {
            trees.put(treeName, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw error("template: multiple definition of template " + GoFmt.quote(treeName));
        }
    }

    static boolean isEmptyTree(Node n) {
        if (n instanceof ListNode l) {
            for (Node c : l.nodes()) {
                if (!isEmptyTree(c)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof TextNode t) {
            return t.text().isBlank() && t.text().chars().allMatch(c -> Lexer.isSpace((char) c));
        }
        return false;
    }

    // Returns {list, next}.
    private Object[] itemList() {
        ListNode list = new ListNode(peekNonSpace().pos(), new ArrayList<>());
        while (peekNonSpace().type() != Type.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Object[] {list, n};
            }
            list.nodes().add(n);
        }
        throw error("unexpected EOF");
    }

    private Node textOrAction() {
        Item token = nextNonSpace();
        switch (token.type()) {
            case TEXT:
                return new TextNode(token.pos(), token.val());
            case LEFT_DELIM:
                actionLine = token.line();
                actionStart = token.pos();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                throw unexpected(token, "input");
        }
    }

    private Node action() {
        Item token = nextNonSpace();
        switch (token.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakControl(token, "break");
            case CONTINUE:
                return breakControl(token, "continue");
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
            case IF:
                return branch(BranchKind.IF, "if", true);
            case RANGE:
                return branch(BranchKind.RANGE, "range", false);
            case TEMPLATE:
                return templateControl();
            case WITH:
                return branch(BranchKind.WITH, "with", false);
            default:
                break;
        }
        idx--;
        Item t = peek();
        PipeNode pipe = pipeline("command", Type.RIGHT_DELIM);
        // Output of an action maps to its "{{" in the source map.
        return new ActionNode(actionStart, t.line(), pipe);
    }

    private Node breakControl(Item token, String word) {
        Item t = nextNonSpace();
        if (t.type() != Type.RIGHT_DELIM) {
            throw unexpected(t, "{{" + word + "}}");
        }
        if (rangeDepth == 0) {
            throw error("{{" + word + "}} outside {{range}}");
        }
        return word.equals("break") ? new BreakNode(token.pos(), token.line())
                : new ContinueNode(token.pos(), token.line());
    }

    private Node elseControl() {
        Item p = peekNonSpace();
        if (p.type() == Type.IF) {
            return new ElseNode(p.pos(), p.line());
        }
        Item token = expect(Type.RIGHT_DELIM, "else");
        return new ElseNode(token.pos(), token.line());
    }

    private Node branch(BranchKind kind, String context, boolean allowElseIf) {
        enterDepth();
        int savedVars = vars.size();
        try {
            PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
            if (kind == BranchKind.RANGE) {
                rangeDepth++;
            }
            Object[] r = itemList();
            if (kind == BranchKind.RANGE) {
                rangeDepth--;
            }
            ListNode list = (ListNode) r[0];
            Node next = (Node) r[1];
            ListNode elseList = null;
            if (next instanceof ElseNode) {
                if (allowElseIf && peek().type() == Type.IF) {
                    next();
                    elseList = new ListNode(next.pos(), new ArrayList<>());
                    elseList.nodes().add(branch(BranchKind.IF, "if", true));
                } else {
                    Object[] e = itemList();
                    elseList = (ListNode) e[0];
                    if (!(e[1] instanceof EndNode)) {
                        throw error("expected end; found " + e[1]);
                    }
                }
            }
            return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, list, elseList);
        } finally {
            while (vars.size() > savedVars) {
                vars.remove(vars.size() - 1);
            }
            depth--;
        }
    }

    private Node templateControl() {
        String context = "template clause";
        Item token = nextNonSpace();
        String tname = parseTemplateName(token, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != Type.RIGHT_DELIM) {
            idx--;
            pipe = pipeline(context, Type.RIGHT_DELIM);
        }
        return new TemplateNode(token.pos(), token.line(), tname, pipe);
    }

    private Node blockControl() {
        String context = "block clause";
        Item token = nextNonSpace();
        String bname = parseTemplateName(token, context);
        PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
        List<String> saved = vars;
        vars = new ArrayList<>();
        vars.add("$");
        enterDepth();
        Object[] r;
        try {
            r = itemList();
        } finally {
            depth--;
            vars = saved;
        }
        if (!(r[1] instanceof EndNode)) {
            throw error("unexpected " + r[1] + " in " + context);
        }
        add(bname, (ListNode) r[0]);
        return new TemplateNode(token.pos(), token.line(), bname, pipe);
    }

    private String parseTemplateName(Item token, String context) {
        if (token.type() == Type.STRING || token.type() == Type.RAW_STRING) {
            return unquote(token);
        }
        throw unexpected(token, context);
    }

    private PipeNode pipeline(String context, Type end) {
        Item token = peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        List<CommandNode> cmds = new ArrayList<>();
        boolean isAssign = false;
        decls:
        while (true) {
            Item v = peekNonSpace();
            if (v.type() == Type.VARIABLE) {
                int vIdx = idx;
                next();
                Item tokenAfterVariable = peek();
                Item nx = peekNonSpace();
                if (nx.type() == Type.ASSIGN || nx.type() == Type.DECLARE) {
                    isAssign = nx.type() == Type.ASSIGN;
                    nextNonSpace();
                    decl.add(new VariableNode(v.pos(), List.of(v.val())));
                    vars.add(v.val());
                } else if (nx.type() == Type.CHAR && nx.val().equals(",")) {
                    nextNonSpace();
                    decl.add(new VariableNode(v.pos(), List.of(v.val())));
                    vars.add(v.val());
                    if (context.equals("range") && decl.size() < 2) {
                        Type pt = peekNonSpace().type();
                        if (pt == Type.VARIABLE || pt == Type.RIGHT_DELIM || pt == Type.RIGHT_PAREN) {
                            continue decls;
                        }
                        throw error("range can only initialize variables");
                    }
                    throw error("too many declarations in " + context);
                } else if (tokenAfterVariable.type() == Type.SPACE) {
                    idx = vIdx;
                } else {
                    idx = vIdx;
                }
            }
            break;
        }
        PipeNode pipe = new PipeNode(token.pos(), token.line(), isAssign, decl, cmds);
        while (true) {
            Item t = nextNonSpace();
            if (t.type() == end) {
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.type()) {
                case BOOL: case CHAR_CONSTANT: case DOT: case FIELD: case IDENTIFIER: case NUMBER: case NIL:
                case RAW_STRING: case STRING: case VARIABLE: case LEFT_PAREN:
                    idx--;
                    cmds.add(command());
                    break;
                default:
                    throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds().isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds().size(); i++) {
            Node a = pipe.cmds().get(i).args().get(0);
            if (a instanceof BoolNode || a instanceof DotNode || a instanceof NilNode || a instanceof NumberNode
                    || a instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos(), new ArrayList<>());
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                cmd.args().add(operand);
            }
            Item token = next();
            switch (token.type()) {
                case SPACE:
                    continue;
                case RIGHT_DELIM:
                case RIGHT_PAREN:
                    idx--;
                    break;
                case PIPE:
                    break;
                default:
                    throw unexpected(token, "operand");
            }
            break;
        }
        if (cmd.args().isEmpty()) {
            throw error("empty command");
        }
        return cmd;
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == Type.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == Type.FIELD) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                return new FieldNode(chainPos, all);
            }
            if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                return new VariableNode(chainPos, all);
            }
            if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw error("unexpected . after term " + GoFmt.quote(node.toString()));
            }
            return new ChainNode(chainPos, node, fields);
        }
        return node;
    }

    private Node term() {
        Item token = nextNonSpace();
        switch (token.type()) {
            case IDENTIFIER:
                if (!hasFunction.test(token.val())) {
                    throw error("function " + GoFmt.quote(token.val()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.val());
            case DOT:
                return new DotNode(token.pos());
            case NIL:
                return new NilNode(token.pos());
            case VARIABLE:
                return useVar(token);
            case FIELD:
                return new FieldNode(token.pos(), splitField(token.val()));
            case BOOL:
                return new BoolNode(token.pos(), token.val().equals("true"));
            case CHAR_CONSTANT:
            case NUMBER:
                return number(token);
            case LEFT_PAREN:
                enterDepth();
                try {
                    return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
                } finally {
                    depth--;
                }
            case STRING:
            case RAW_STRING:
                return new StringNode(token.pos(), token.val(), unquote(token));
            default:
                idx--;
                return null;
        }
    }

    private static List<String> splitField(String val) {
        List<String> out = new ArrayList<>();
        for (String s : val.substring(1).split("\\.", -1)) {
            out.add(s);
        }
        return out;
    }

    private Node useVar(Item token) {
        String[] parts = token.val().split("\\.", -1);
        List<String> ident = new ArrayList<>(List.of(parts));
        String vname = ident.get(0);
        if (!vars.contains(vname)) {
            throw error("undefined variable " + GoFmt.quote(vname));
        }
        return new VariableNode(token.pos(), ident);
    }

    private Node number(Item token) {
        String text = token.val();
        if (token.type() == Type.CHAR_CONSTANT) {
            // parse.newNumber: UnquoteChar's error is Go's bare "invalid syntax"; a valid first
            // character followed by more than the closing quote is a malformed constant.
            int[] decoded = GoStrconv.unquoteCharPrefix(text.substring(1), text.charAt(0));
            if (decoded == null) {
                throw error("invalid syntax");
            }
            if (!text.substring(1 + decoded[1]).equals("'")) {
                throw error("malformed character constant: " + text);
            }
            int r = decoded[0];
            return new NumberNode(token.pos(), text, true, true, true, r, r);
        }
        int sign = complexSign(text);
        if (sign > 0) {
            // Go lets fmt.Sscan read the pair; both parts are floats.
            Double re = GoStrconv.parseFloat(text.substring(0, sign));
            Double im = GoStrconv.parseFloat(text.substring(sign, text.length() - 1));
            if (re == null || im == null) {
                throw error("illegal number syntax: " + GoFmt.quote(text));
            }
            return complexNumber(token.pos(), text, re, im);
        }
        if (text.endsWith("i")) {
            // Imaginary constants can only be complex unless they are zero.
            Double im = GoStrconv.parseFloat(text.substring(0, text.length() - 1));
            if (im != null) {
                return complexNumber(token.pos(), text, 0, im);
            }
        }
        boolean isInt = false;
        boolean isUint = false;
        boolean isFloat = false;
        long iv = 0;
        double fv = 0;
        Long parsed = GoStrconv.parseInt(text);
        Double unsigned = GoStrconv.parseUint(text);
        if (parsed != null) {
            isInt = true;
            iv = parsed;
            isUint = iv >= 0;
        }
        if (isInt) {
            isFloat = true;
            fv = iv;
        } else if (unsigned != null) {
            // Fits uint64 only: a constant the executor rejects ("overflows int"), as Go does.
            isUint = true;
            isFloat = true;
            fv = unsigned;
        } else {
            Double d = GoStrconv.parseFloat(text);
            if (d != null) {
                boolean looksInt = true;
                for (char c : text.toCharArray()) {
                    if (".eEpP".indexOf(c) >= 0) {
                        looksInt = false;
                    }
                }
                if (looksInt) {
                    throw error("integer overflow: " + GoFmt.quote(text));
                }
                isFloat = true;
                fv = d;
                if (GoStrconv.isInt64(fv)) {
                    isInt = true;
                    iv = (long) fv;
                }
                isUint = fv == Math.rint(fv) && fv >= 0 && fv < 0x1p64;
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw error("illegal number syntax: " + GoFmt.quote(text));
        }
        return new NumberNode(token.pos(), text, isInt, isUint, isFloat, iv, fv);
    }

    // Index of the sign between the parts of a complex constant (1+2i), or -1.
    private static int complexSign(String text) {
        if (!text.endsWith("i")) {
            return -1;
        }
        for (int i = text.length() - 2; i > 0; i--) {
            char c = text.charAt(i);
            if ((c == '+' || c == '-') && "eEpP".indexOf(text.charAt(i - 1)) < 0) {
                return i;
            }
        }
        return -1;
    }

    // Go's simplifyComplex: a zero imaginary part makes the constant usable as a float (and int).
    private static NumberNode complexNumber(int pos, String text, double re, double im) {
        boolean isFloat = im == 0;
        boolean isInt = isFloat && GoStrconv.isInt64(re);
        boolean isUint = isFloat && re == Math.rint(re) && re >= 0 && re < 0x1p64;
        return new NumberNode(pos, text, isInt, isUint, isFloat, isInt ? (long) re : 0, re, true, im);
    }

    private String unquote(Item token) {
        try {
            return GoStrconv.unquote(token.val());
        } catch (IllegalArgumentException e) {
            throw error("invalid syntax");
        }
    }

    private void enterDepth() {
        if (++depth > maxDepth) {
            throw error("exceeded maximum nesting depth (" + maxDepth + ")");
        }
    }

    // --- token helpers ---

    private Item next() {
        Item it = items.get(Math.min(idx, items.size() - 1));
        idx++;
        return it;
    }

    private Item peek() {
        return items.get(Math.min(idx, items.size() - 1));
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type() == Type.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        idx--;
        return t;
    }

    private Item expect(Type expected, String context) {
        Item token = nextNonSpace();
        if (token.type() != expected) {
            throw unexpected(token, context);
        }
        return token;
    }

    private GoError unexpected(Item token, String context) {
        if (token.type() == Type.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != token.line()) {
                extra = " in action started at " + name + ":" + actionLine;
                if (token.val().endsWith(" action")) {
                    extra = extra.substring(10);
                }
            }
            return errorAt(token, token.val() + extra);
        }
        return errorAt(token, "unexpected " + token + " in " + context);
    }

    private GoError errorAt(Item token, String msg) {
        return new GoError(GoError.Kind.PARSE, "template: " + name + ":" + token.line() + ": " + msg, token.pos());
    }

    private GoError error(String msg) {
        Item t = items.get(Math.max(0, Math.min(idx - 1, items.size() - 1)));
        return errorAt(t, msg);
    }
}
