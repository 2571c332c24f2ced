package org.outreachdesk.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the pairs among many UICs that look like one person written twice: the same birth date (positions 6-11)
 * and codes one edit apart — one character changed or two neighbours swapped ({@link Uic#isNearDuplicateOf}). Two
 * codes with the same name letters and birth date but another sex digit are such a pair too (that one changed
 * character is the sex digit), told apart by {@link Why#SEX_DIGIT}.
 *
 * <p>Never all pairs of the whole list: codes are grouped by birth date, and inside a group each code is filed under
 * nine keys (its name-and-sex part with one position blanked out, or with two neighbours put in order); two codes
 * share a key exactly when they are one edit apart. The work grows with the number of codes, not with its square.
 */
public final class NearDuplicates {

    /** Why two codes were paired. */
    public enum Why {
        /** One character of the name letters changed, or two neighbours swapped. */
        ONE_EDIT,
        /** The same name letters and birth date, another sex digit. */
        SEX_DIGIT
    }

    /** A pair, {@code a} the one with the smaller code. */
    public record Pair<T>(T a, T b, Why why) {
    }

    /** The name letters and the sex digit: the part that differs (the birth date is the same). */
    private static final int HEAD = 5;

    private NearDuplicates() {
    }

    /** The pairs among {@code items} (each with a distinct code), ordered by birth date part, then codes. */
    public static <T> List<Pair<T>> find(List<T> items, Function<T, Uic> code) {
        Map<String, List<T>> byBirth = new HashMap<>();
        for (T t : items) {
            byBirth.computeIfAbsent(code.apply(t).birthDatePart(), k -> new ArrayList<>()).add(t);
        }
        List<Pair<T>> out = new ArrayList<>();
        for (List<T> group : byBirth.values()) {
            if (group.size() > 1) {
                pairsIn(group, code, out);
            }
        }
        out.sort(Comparator.comparing((Pair<T> p) -> code.apply(p.a()).birthDatePart())
                .thenComparing(p -> code.apply(p.a()).value()).thenComparing(p -> code.apply(p.b()).value()));
        return out;
    }

    private static <T> void pairsIn(List<T> group, Function<T, Uic> code, List<Pair<T>> out) {
        Map<String, List<T>> byKey = new HashMap<>();
        for (T t : group) {
            String head = code.apply(t).value().substring(0, HEAD);
            for (int i = 0; i < HEAD; i++) {
                char[] c = head.toCharArray();
                c[i] = '*';
                byKey.computeIfAbsent("s" + new String(c), k -> new ArrayList<>()).add(t);
            }
            for (int i = 0; i + 1 < HEAD; i++) {
                char[] c = head.toCharArray();
                if (c[i] == c[i + 1]) {
                    continue;
                }
                char lo = (char) Math.min(c[i], c[i + 1]);
                char hi = (char) Math.max(c[i], c[i + 1]);
                c[i] = lo;
                c[i + 1] = hi;
                byKey.computeIfAbsent("t" + i + new String(c), k -> new ArrayList<>()).add(t);
            }
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<T>> e : byKey.entrySet()) {
            List<T> same = e.getValue();
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    boolean iFirst = code.apply(same.get(i)).value().compareTo(code.apply(same.get(j)).value()) < 0;
                    T a = iFirst ? same.get(i) : same.get(j);
                    T b = iFirst ? same.get(j) : same.get(i);
                    String ua = code.apply(a).value();
                    String ub = code.apply(b).value();
                    if (seen.add(ua + ub)) {
                        boolean sexOnly = ua.regionMatches(0, ub, 0, 4) && ua.charAt(4) != ub.charAt(4);
                        out.add(new Pair<>(a, b, sexOnly ? Why.SEX_DIGIT : Why.ONE_EDIT));
                    }
                }
            }
        }
    }
}
