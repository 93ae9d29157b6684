package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizer for Go {@code text/template}, a direct port of the state machine in Go's
 * {@code text/template/parse/lex.go} (Go 1.20), producing the whole item list eagerly.
 * Positions are char offsets into the template text; lines are 1-based.
 */
public final class Lexer {

    /** Token kinds, in Go's order; the ones after {@code KEYWORD} print as {@code <word>}. */
    public enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
        LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE,
        STRING, TEXT, VARIABLE,
        KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH
    }

    /** One token. {@code text} items carry their text; others the source slice. */
    public record Item(Type type, int pos, String val, int line) {
        @Override
        public String toString() {
            if (type == Type.EOF) {
                return "EOF";
            }
            if (type == Type.ERROR) {
                return val;
            }
            if (type.ordinal() > Type.KEYWORD.ordinal()) {
                return "<" + val + ">";
            }
            if (GoValues.utf8Length(val) > 10) {
                // Go: len(val) > 10 counts bytes, %.10q keeps ten runes.
                int end = val.codePointCount(0, val.length()) > 10 ? val.offsetByCodePoints(0, 10) : val.length();
                return GoFmt.quote(val.substring(0, end)) + "...";
            }
            return GoFmt.quote(val);
        }
    }

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";

    private final String input;
    private final List<Item> items = new ArrayList<>();
    private int pos;
    private int start;
    private int line = 1;
    private int startLine = 1;
    private int parenDepth;

    private Lexer(String input) {
        this.input = input;
    }

    /** Tokenizes the whole text; the list ends with EOF or ERROR. */
    public static List<Item> lex(String input) {
        Lexer l = new Lexer(input);
        l.run();
        return l.items;
    }

    private void run() {
        boolean inAction = false;
        while (true) {
            boolean ok = inAction ? lexInsideAction() : lexText();
            if (!ok) {
                return;
            }
            inAction = !inAction;
            if (items.get(items.size() - 1).type == Type.EOF) {
                return;
            }
        }
    }

    // Returns true when an action follows; false at EOF or error. Sets state to action.
    private boolean lexText() {
        while (true) {
            int r = lexTextOnce();
            if (r != 1) {
                return r == 0;
            }
        }
    }

    // 0: action follows, 1: a comment was skipped (lex text again), -1: EOF or error.
    private int lexTextOnce() {
        int x = input.indexOf(LEFT, pos);
        if (x >= 0) {
            if (x > pos) {
                int end = x;
                if (hasLeftTrimMarker(x + LEFT.length())) {
                    end = rightTrimLength(input, pos, x);
                }
                pos = x;
                if (end > start) {
                    emitText(start, end);
                }
                // line accounting: count newlines in the whole span start..x
                ignore();
            }
            return lexLeftDelim();
        }
        pos = input.length();
        if (pos > start) {
            emitText(start, pos);
            ignore();
        }
        items.add(new Item(Type.EOF, pos, "", line));
        return -1;
    }

    private void emitText(int from, int to) {
        items.add(new Item(Type.TEXT, from, input.substring(from, to), startLine));
        for (int i = start; i < pos; i++) {
            if (input.charAt(i) == '\n') {
                line++;
            }
        }
        start = pos;
        startLine = line;
    }

    private static int rightTrimLength(String s, int from, int to) {
        int end = to;
        while (end > from && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarkerAt(int at) {
        return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    private int lexLeftDelim() {
        pos += LEFT.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return lexComment();
        }
        emit(Type.LEFT_DELIM);
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return 0;
    }

    private int lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            error("unclosed comment");
            return -1;
        }
        pos = x + 2;
        boolean[] trim = new boolean[1];
        int delim = atRightDelim(trim);
        if (delim < 0) {
            error("comment ends before closing delimiter");
            return -1;
        }
        pos += trim[0] ? 2 + RIGHT.length() : RIGHT.length();
        if (trim[0]) {
            pos = leftTrimLength(pos);
        }
        ignore();
        return 1;
    }

    private int leftTrimLength(int p) {
        while (p < input.length() && isSpace(input.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Returns >=0 when at a right delimiter; trim[0] tells whether it has a trim marker. */
    private int atRightDelim(boolean[] trim) {
        if (hasRightTrimMarkerAt(pos) && input.startsWith(RIGHT, pos + 2)) {
            trim[0] = true;
            return pos;
        }
        if (input.startsWith(RIGHT, pos)) {
            trim[0] = false;
            return pos;
        }
        return -1;
    }

    private boolean lexRightDelim(boolean trimSpace) {
        if (trimSpace) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        emit(Type.RIGHT_DELIM);
        if (trimSpace) {
            pos = leftTrimLength(pos);
            ignore();
        }
        return true;
    }

    // Lexes one action; returns true when the right delimiter was emitted.
    private boolean lexInsideAction() {
        boolean[] trim = new boolean[1];
        while (true) {
            if (atRightDelim(trim) >= 0) {
                if (parenDepth == 0) {
                    return lexRightDelim(trim[0]);
                }
                return error("unclosed left paren");
            }
            if (pos >= input.length()) {
                return error("unclosed action");
            }
            char r = input.charAt(pos++);
            if (isSpace(r)) {
                pos--;
                lexSpace();
            } else if (r == '=') {
                emit(Type.ASSIGN);
            } else if (r == ':') {
                if (pos >= input.length() || input.charAt(pos) != '=') {
                    return error("expected :=");
                }
                pos++;
                emit(Type.DECLARE);
            } else if (r == '|') {
                emit(Type.PIPE);
            } else if (r == '"') {
                if (!lexQuote()) {
                    return false;
                }
            } else if (r == '`') {
                if (!lexRawQuote()) {
                    return false;
                }
            } else if (r == '$') {
                if (!lexFieldOrVariable(Type.VARIABLE)) {
                    return false;
                }
            } else if (r == '\'') {
                if (!lexChar()) {
                    return false;
                }
            } else if (r == '.' && !(pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9')) {
                if (!lexFieldOrVariable(Type.FIELD)) {
                    return false;
                }
            } else if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
                pos--;
                if (!lexNumber()) {
                    return false;
                }
            } else if (isAlphaNumeric(r)) {
                pos--;
                if (!lexIdentifier()) {
                    return false;
                }
            } else if (r == '(') {
                emit(Type.LEFT_PAREN);
                parenDepth++;
            } else if (r == ')') {
                emit(Type.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right paren");
                }
            } else if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
                emit(Type.CHAR);
            } else {
                return error("unrecognized character in action: " + GoFmt.unicodeU(r));
            }
        }
    }

    private void lexSpace() {
        int numSpaces = 0;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
            numSpaces++;
        }
        if (hasRightTrimMarkerAt(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            pos--;
            if (numSpaces == 1) {
                return;
            }
        }
        emit(Type.SPACE);
    }

    private boolean lexIdentifier() {
        while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
            pos++;
        }
        if (!atTerminator()) {
            return error("bad character " + GoFmt.unicodeU(input.codePointAt(pos)));
        }
        String word = input.substring(start, pos);
        Type kw = keyword(word);
        if (kw != null) {
            emit(kw);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Type.BOOL);
        } else {
            emit(Type.IDENTIFIER);
        }
        return true;
    }

    private static Type keyword(String w) {
        switch (w) {
            case ".": return Type.DOT;
            case "block": return Type.BLOCK;
            case "break": return Type.BREAK;
            case "continue": return Type.CONTINUE;
            case "define": return Type.DEFINE;
            case "else": return Type.ELSE;
            case "end": return Type.END;
            case "if": return Type.IF;
            case "range": return Type.RANGE;
            case "nil": return Type.NIL;
            case "template": return Type.TEMPLATE;
            case "with": return Type.WITH;
            default: return null;
        }
    }

    private boolean lexFieldOrVariable(Type typ) {
        if (atTerminator()) {
            emit(typ == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
            return true;
        }
        while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
            pos++;
        }
        if (!atTerminator()) {
            return error("bad character " + GoFmt.unicodeU(input.codePointAt(pos)));
        }
        emit(typ);
        return true;
    }

    private boolean atTerminator() {
        if (pos >= input.length()) {
            return true;
        }
        char r = input.charAt(pos);
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case '.': case ',': case '|': case ':': case ')': case '(':
                return true;
            default:
                return input.startsWith(RIGHT, pos);
        }
    }

    private boolean lexChar() {
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                return error("unterminated character constant");
            }
            char r = input.charAt(pos++);
            if (r == '\\') {
                if (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                    continue;
                }
                return error("unterminated character constant");
            }
            if (r == '\'') {
                break;
            }
        }
        emit(Type.CHAR_CONSTANT);
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoFmt.quote(input.substring(start, Math.min(pos, input.length()))));
        }
        if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
            // Complex: 1+2i, no spaces, must end in 'i'. The parser tells it by its inner sign.
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error("bad number syntax: "
                        + GoFmt.quote(input.substring(start, Math.min(pos, input.length()))));
            }
        }
        emit(Type.NUMBER);
        return true;
    }

    private boolean accept(String valid) {
        if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(String valid) {
        while (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
            pos++;
            return false;
        }
        return true;
    }

    private boolean lexQuote() {
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                return error("unterminated quoted string");
            }
            char r = input.charAt(pos++);
            if (r == '\\') {
                if (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                    continue;
                }
                return error("unterminated quoted string");
            }
            if (r == '"') {
                break;
            }
        }
        emit(Type.STRING);
        return true;
    }

    private boolean lexRawQuote() {
        int x = input.indexOf('`', pos);
        if (x < 0) {
            return error("unterminated raw quoted string");
        }
        pos = x + 1;
        emit(Type.RAW_STRING);
        return true;
    }

    private void emit(Type t) {
        items.add(new Item(t, start, input.substring(start, pos), startLine));
        for (int i = start; i < pos; i++) {
            if (input.charAt(i) == '\n') {
                line++;
            }
        }
        start = pos;
        startLine = line;
    }

    private void ignore() {
        for (int i = start; i < pos; i++) {
            if (input.charAt(i) == '\n') {
                line++;
            }
        }
        start = pos;
        startLine = line;
    }

    private boolean error(String msg) {
        items.add(new Item(Type.ERROR, start, msg, startLine));
        return false;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlphaNumeric(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
