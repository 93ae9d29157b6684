package io.multistep.gotemplate.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A template list that grows like a Go slice: {@code append} (and {@code prepend}) writes into the
 * spare room of the array it shares with the list it was made from, so a loop that grows a list one
 * element at a time is linear, not quadratic. Unlike a Go slice, a list never changes once made:
 * only the list that ends where the array's filled part ends may grow into it, any other copies, so
 * every list keeps the elements Sprig's copying functions would give it. Immutable through the
 * {@link List} interface.
 */
final class GoList extends AbstractList<Object> implements RandomAccess {

    /** The shared array; elements at logical positions [lo, hi) are filled, physical = logical + shift. */
    private static final class Backing {
        Object[] items;
        int shift;
        int lo;
        int hi;

        Backing(Object[] items, int shift, int lo, int hi) {
            this.items = items;
            this.shift = shift;
            this.lo = lo;
            this.hi = hi;
        }
    }

    private final Backing b;
    private final int from;
    private final int to;

    private GoList(Backing b, int from, int to) {
        this.b = b;
        this.from = from;
        this.to = to;
    }

    /** The list itself when it is a {@code GoList}, else a copy of it (with room to grow). */
    static GoList of(List<?> l) {
        if (l instanceof GoList g) {
            return g;
        }
        Object[] items = Arrays.copyOf(l.toArray(), Math.max(8, l.size() + (l.size() >> 1)));
        return new GoList(new Backing(items, 0, 0, l.size()), 0, l.size());
    }

    /** This list followed by {@code v}; this list is unchanged. */
    GoList append(Object v) {
        synchronized (b) {
            if (to != b.hi) { // another list already grew past this one: copy, as Sprig does
                return copy(1, 0).append(v);
            }
            if (to + b.shift == b.items.length) {
                b.items = Arrays.copyOf(b.items, b.items.length * 2 + 8);
            }
            b.items[to + b.shift] = v;
            b.hi++;
            return new GoList(b, from, to + 1);
        }
    }

    /** This list followed by all of {@code more}; this list is unchanged. */
    GoList appendAll(List<?> more) {
        GoList r = this;
        for (Object o : more) {
            r = r.append(o);
        }
        return r;
    }

    /** {@code v} followed by this list; this list is unchanged. */
    GoList prepend(Object v) {
        synchronized (b) {
            if (from != b.lo) {
                return copy(0, 1).prepend(v);
            }
            if (from + b.shift == 0) {
                int room = b.items.length + 8;
                Object[] grown = new Object[b.items.length + room];
                System.arraycopy(b.items, 0, grown, room, b.items.length);
                b.items = grown;
                b.shift += room;
            }
            b.items[from - 1 + b.shift] = v;
            b.lo--;
            return new GoList(b, from - 1, to);
        }
    }

    /** The elements [start, end) of this list, sharing its array. */
    GoList range(int start, int end) {
        if (start < 0 || end > size() || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") of " + size());
        }
        return new GoList(b, from + start, from + end);
    }

    private GoList copy(int roomAfter, int roomBefore) {
        int n = size();
        int extraAfter = Math.max(8, n / 2 + roomAfter);
        int extraBefore = roomBefore == 0 ? 0 : Math.max(8, n / 2 + roomBefore);
        Object[] items = new Object[extraBefore + n + extraAfter];
        synchronized (b) {
            System.arraycopy(b.items, from + b.shift, items, extraBefore, n);
        }
        return new GoList(new Backing(items, extraBefore, 0, n), 0, n);
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size());
        }
        synchronized (b) {
            return b.items[from + index + b.shift];
        }
    }

    @Override
    public int size() {
        return to - from;
    }
}
