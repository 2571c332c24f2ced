package org.outreachdesk.app;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong with one field of a form, in plain words. {@code field} names the field (for the screen to
 * show the message beside it), {@code code} the kind of problem (screens translate it, with {@code args}),
 * {@code message} is the English text. Never carries record content.
 */
public record FieldProblem(String field, String code, String message, List<Object> args) {

    /** The code of a quantity that needs confirming before it is saved. */
    public static final String NEEDS_CONFIRMATION = ProblemCode.QUANTITY_CONFIRM.code();

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, ProblemCode code, String message, Object... args) {
        return new FieldProblem(field, code.code(), message, List.of(args));
    }

    /**
     * A problem by the code's text.
     *
     * @deprecated name the kind with {@link ProblemCode} (its texts are then checked to exist)
     */
    @Deprecated
    public static FieldProblem of(String field, String code, String message, Object... args) {
        return new FieldProblem(field, code, message, List.of(args));
    }

    public boolean needsConfirmation() {
        return NEEDS_CONFIRMATION.equals(code);
    }
}
