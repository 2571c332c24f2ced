package org.outreachdesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.AppException;
import org.outreachdesk.app.FieldProblem;
import org.outreachdesk.app.InvalidFieldsException;
import org.outreachdesk.domain.ServiceType;

/**
 * Turns the services' field problems into plain words in the user's language: {@code desk.problem.<code>} with
 * the field's name as {0} and the problem's arguments after it. Falls back on the service's English text.
 */
public final class Problems {

    private final Labels labels;

    public Problems(Labels labels) {
        this.labels = labels;
    }

    public Labels labels() {
        return labels;
    }

    /** The name of a field as {@link FieldProblem#field()} names it. */
    public String fieldName(String field) {
        if (field.startsWith("referral.")) {
            try {
                return labels.of(ServiceType.valueOf(field.substring("referral.".length())));
            } catch (IllegalArgumentException e) {
                return labels.get("desk.field.referral");
            }
        }
        return labels.get("desk.field." + field);
    }

    public String text(FieldProblem p) {
        String key = "desk.problem." + p.code();
        List<Object> args = new ArrayList<>();
        args.add(fieldName(p.field()));
        args.addAll(p.args());
        String s = labels.get(key, args.toArray());
        return s.startsWith("!") ? p.message() : s;
    }

    /** Puts each problem's text at its field (several problems of one field are joined). */
    public void putAll(InvalidFieldsException e, Map<String, String> errors) {
        putAll(e.problems(), errors);
    }

    /** Puts each problem's text at its field (several problems of one field are joined). */
    public void putAll(List<FieldProblem> problems, Map<String, String> errors) {
        for (FieldProblem p : problems) {
            errors.merge(p.field(), text(p), (a, b) -> a + " " + b);
        }
    }

    /** A message for a failure that is not about one field: {@link Failures#describe}, app failures prefixed "Not done:". */
    public String general(Throwable t) {
        String text = Failures.describe(t, labels.messages());
        return t instanceof AppException && !(t instanceof AccessDeniedException) ? labels.get("desk.error.app", text) : text;
    }
}
