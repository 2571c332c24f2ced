package org.outreachdesk.app;

import org.outreachdesk.domain.ImportPlan;

/**
 * A register was not imported because rows are invalid; nothing was stored. {@link #plan()} lists every
 * problem (row, column, what is wrong, what is expected), none of which repeats a cell's value.
 */
public final class RegisterRejectedException extends InvalidInputException {

    private final transient ImportPlan plan;

    public RegisterRejectedException(ImportPlan plan) {
        super("the register has " + plan.problemCount() + (plan.problemCount() == 1 ? " problem" : " problems")
                + " in " + plan.rowsWithProblems() + (plan.rowsWithProblems() == 1 ? " row" : " rows")
                + "; nothing was imported");
        this.plan = plan;
    }

    /** The plan with its problems. */
    public ImportPlan plan() {
        return plan;
    }
}
