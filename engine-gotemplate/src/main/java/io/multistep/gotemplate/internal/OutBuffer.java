package io.multistep.gotemplate.internal;

import org.apiguardian.api.API;

/** Template output with its offset map and a size limit. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OutBuffer {

    private final StringBuilder sb = new StringBuilder(1024);
    private final OffsetMap map = new OffsetMap();
    private final long maxSize;

    /** Creates a buffer that fails beyond {@code maxSize} chars. */
    public OutBuffer(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Appends text; {@code literal} text maps char-for-char to {@code src}. */
    public void append(String s, int src, boolean literal) {
        if (s.isEmpty()) {
            return;
        }
        if (sb.length() + (long) s.length() > maxSize) {
            throw new LimitError("rendered output exceeds the limit of " + maxSize + " characters");
        }
        sb.append(s);
        map.add(s.length(), src, literal);
    }

    /** The text so far. */
    public String text() {
        return sb.toString();
    }

    /** The offset map. */
    public OffsetMap map() {
        return map;
    }

    /** Thrown when a limit is hit; the executor turns it into a Go-style error. */
    public static final class LimitError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the error. */
        public LimitError(String msg) {
            super(msg, null, false, false);
        }
    }
}
