package org.outreachdesk.app;

import java.util.List;
import java.util.stream.Collectors;

/** A form cannot be saved as it is; nothing was stored. Each problem names its field. */
public final class InvalidFieldsException extends InvalidInputException {

    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidFieldsException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Whether the only thing in the way is a large quantity the user has not confirmed. */
    public boolean onlyNeedsConfirmation() {
        return problems.stream().allMatch(FieldProblem::needsConfirmation);
    }
}
