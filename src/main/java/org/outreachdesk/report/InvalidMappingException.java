package org.outreachdesk.report;

import java.util.ArrayList;
import java.util.List;

import org.outreachdesk.domain.Problem;

/**
 * A mapping file that cannot be used: the message names the line (1 = the file's first line) and what is wrong
 * with it, never a figure. Its {@link #problem()} names it for a translated text ({@code mapping.*}): the line
 * first, then the codes, names and counts the message shows.
 */
public final class InvalidMappingException extends IllegalArgumentException implements Problem.Carrier {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final transient Problem problem;

    /**
     * @param key  {@code mapping.<key>}: the text's key, whose {@code {0}} is the line
     * @param args the text's further places {@code {1}}, {@code {2}} …
     */
    public InvalidMappingException(int line, String key, String problem, Object... args) {
        super(line > 0 ? "mapping line " + line + ": " + problem : "mapping: " + problem);
        this.line = line;
        List<Object> all = new ArrayList<>();
        all.add(line);
        all.addAll(List.of(args));
        this.problem = new Problem("mapping." + key, all);
    }

    /** The line of the mapping file the problem is on (1-based), or 0 for the file as a whole. */
    public int line() {
        return line;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
