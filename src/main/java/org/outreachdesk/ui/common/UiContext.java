package org.outreachdesk.ui.common;

import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.task.TaskExecutor;

/**
 * What every screen of an unlocked session gets: the workspace (whose services the view-models call), the
 * one background executor, the strings (and the {@link #labels() names of codes}), and the shell (to report saves).
 */
public record UiContext(Workspace workspace, TaskExecutor executor, Messages messages, ShellViewModel shell) {

    /** The names of codes (enum constants) in this session's language. */
    public Labels labels() {
        return new Labels(messages);
    }
}
