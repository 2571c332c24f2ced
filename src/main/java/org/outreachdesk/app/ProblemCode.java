package org.outreachdesk.app;

/**
 * The kinds of {@link FieldProblem}: each is translated as {@code desk.problem.<code>} (English and Khmer), with
 * the field's name as {@code {0}} and the problem's arguments after it. A new kind is added here, and its texts to
 * both bundles (a test checks every code has them).
 */
public enum ProblemCode {
    REQUIRED("required"),
    UNKNOWN("unknown"),
    INACTIVE("inactive"),
    DATE_FUTURE("date.future"),
    DATE_TOO_OLD("date.tooOld"),
    DATE_BEFORE_FIRST_CONTACT("date.beforeFirstContact"),
    QUANTITY_NEGATIVE("quantity.negative"),
    QUANTITY_NOT_NUMBER("quantity.notNumber"),
    QUANTITY_TOO_MANY("quantity.tooMany"),
    /** A large quantity that must be confirmed before it is saved. */
    QUANTITY_CONFIRM("quantity.confirm"),
    UIC_LENGTH("uic.length"),
    UIC_INVALID("uic.invalid"),
    UIC_TAKEN("uic.taken"),
    /** A UIC correction to the code of another contact: they are one person, so merge them instead. */
    UIC_OTHER_CONTACT("uic.otherContact"),
    /** A UIC correction that keeps the code the contact already has. */
    UIC_SAME("uic.same"),
    CONTACT_MISSING("contact.missing"),
    ENCOUNTER_DUPLICATE("encounter.duplicate"),
    REFERRAL_TWICE("referral.twice"),
    REFERRAL_DUE_BEFORE_MADE("referral.dueBeforeMade"),
    REFERRAL_DESTINATION("referral.destination"),
    REFERRAL_NEEDS_CONTACT("referral.needsContact"),
    NOTE_TOO_LONG("note.tooLong"),
    BIRTH_YEAR_IMPLAUSIBLE("birthYear.implausible"),
    BIRTH_YEAR_MISMATCH("birthYear.mismatch"),
    /** The UIC builder: a day that the month does not have. */
    BIRTH_DAY_NOT_IN_MONTH("birthDay.notInMonth"),
    /** The UIC builder: a number outside its range. */
    RANGE("range");

    private final String code;

    ProblemCode(String code) {
        this.code = code;
    }

    /** The code as {@link FieldProblem#code()} and the message keys spell it. */
    public String code() {
        return code;
    }
}
