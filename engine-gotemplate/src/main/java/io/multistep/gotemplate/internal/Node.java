package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.GoFmt;
import java.util.List;

/**
 * Parse-tree nodes of Go {@code text/template}. {@link #pos()} is the char offset in the
 * template text; {@link #toString()} matches Go's {@code Node.String()} (used in error context).
 */
public sealed interface Node {

    /** Char offset of the node in the template text. */
    int pos();

    /** A sequence of nodes. */
    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Node n : nodes) {
                sb.append(n);
            }
            return sb.toString();
        }
    }

    /** Plain text, already trimmed. */
    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code {{pipeline}}}. */
    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** A pipeline with optional declarations. */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(decl.get(i));
                }
                sb.append(" := "); // Go prints an assignment as a declaration too
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                sb.append(cmds.get(i));
            }
            return sb.toString();
        }
    }

    /** One command of a pipeline: operands separated by spaces. */
    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                Node a = args.get(i);
                if (a instanceof PipeNode) {
                    sb.append('(').append(a).append(')');
                } else {
                    sb.append(a);
                }
            }
            return sb.toString();
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code $x.f.g}: ident[0] is the variable name with the dollar. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    /** {@code .a.b}. */
    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return "." + String.join(".", ident);
        }
    }

    /** {@code (pipe).a.b}. */
    record ChainNode(int pos, Node node, List<String> field) implements Node {
        @Override
        public String toString() {
            String s = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return s + "." + String.join(".", field);
        }
    }

    /** {@code .}. */
    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    /** {@code nil}. */
    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code true}/{@code false}. */
    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A numeric constant with Go's interpretations; a complex constant keeps its real part in
     * {@code floatValue} (meaningful as a float only when {@code isFloat}) and its imaginary part in
     * {@code imag}.
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, long intValue,
                      double floatValue, boolean isComplex, double imag) implements Node {

        /** A real constant. */
        NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, long intValue,
                   double floatValue) {
            this(pos, text, isInt, isUint, isFloat, intValue, floatValue, false, 0);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant: {@code quoted} is the source form, {@code text} the value. */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** Kinds of branch nodes. */
    enum BranchKind { IF, RANGE, WITH }

    /** if / range / with. */
    record BranchNode(BranchKind kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
            implements Node {
        @Override
        public String toString() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            String s = "{{" + name + " " + pipe + "}}" + list;
            if (elseList != null) {
                s += "{{else}}" + elseList;
            }
            return s + "{{end}}";
        }
    }

    /** {@code {{template "name" pipe}}}. */
    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return pipe == null ? "{{template " + GoFmt.quote(name) + "}}"
                    : "{{template " + GoFmt.quote(name) + " " + pipe + "}}";
        }
    }

    /** {@code {{break}}}. */
    record BreakNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    /** {@code {{continue}}}. */
    record ContinueNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** Parse-time only: {@code {{end}}}. */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** Parse-time only: {@code {{else}}}. */
    record ElseNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
