package org.outreachdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.outreachdesk.app.AppException;
import org.outreachdesk.app.FieldProblem;
import org.outreachdesk.app.InvalidFieldsException;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/**
 * The one busy / message / error model the view-models share (issue 13): busy only while a save runs, a failure in
 * words, and on the desk's forms a refusal's problems at their fields. Expected texts are written out here, as the
 * user reads them, not taken from the bundle the code reads.
 */
class StatusTest {

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private final ImmediateTaskExecutor executor = new ImmediateTaskExecutor();

    @Test
    void aSaveIsBusyWhileItRunsAndNotAfter() {
        Status status = new Status(ENGLISH);
        AtomicBoolean busyDuring = new AtomicBoolean();
        AtomicReference<String> result = new AtomicReference<>();
        status.run(executor, () -> {
            busyDuring.set(status.isBusy());
            return "done";
        }, result::set);
        assertThat(busyDuring).isTrue();
        assertThat(status.isBusy()).isFalse();
        assertThat(result).hasValue("done");
    }

    @Test
    void aFailedSaveIsNotBusyAndSaysWhatWentWrong() {
        Status status = new Status(ENGLISH);
        status.run(executor, () -> {
            throw new IllegalStateException("boom");
        }, r -> { });
        assertThat(status.isBusy()).isFalse();
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.messageProperty().get())
                .isEqualTo("Something went wrong (IllegalStateException). Try again; if it keeps happening, tell your admin.");
    }

    @Test
    void onAFormFieldProblemsGoToTheirFields() {
        Map<String, String> errors = new HashMap<>();
        Status status = Status.ofForm(new Problems(new Labels(ENGLISH)), errors);
        status.run(executor, () -> {
            throw new InvalidFieldsException(FieldProblem.of("gender", "required", "Choose the gender"));
        }, r -> { });
        assertThat(errors).containsExactly(Map.entry("gender", "Gender is missing."));
        assertThat(status.messageProperty().get()).isEqualTo("Not saved: correct the fields marked in red.");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.isBusy()).isFalse();
    }

    @Test
    void onAFormInKhmerTooTheFieldAndTheLineAreKhmer() {
        Map<String, String> errors = new HashMap<>();
        Status status = Status.ofForm(new Problems(new Labels(new Messages(Locale.forLanguageTag("km")))), errors);
        status.load(executor, () -> {
            throw new InvalidFieldsException(List.of(FieldProblem.of("gender", "required", "Choose the gender")));
        }, r -> { });
        assertThat(errors).containsExactly(Map.entry("gender", "ខ្វះ ភេទ។"));
        assertThat(status.messageProperty().get()).isEqualTo("មិនបានរក្សាទុក៖ សូមកែប្រអប់ដែលសម្គាល់ពណ៌ក្រហម។");
    }

    @Test
    void onAFormAnAppFailureReadsNotDone() {
        Status status = Status.ofForm(new Problems(new Labels(ENGLISH)), new HashMap<>());
        status.run(executor, () -> {
            throw new AppException("the contact is no longer in the vault");
        }, r -> { });
        assertThat(status.messageProperty().get()).isEqualTo("Not done: The contact is no longer in the vault.");
    }

    @Test
    void aSaveWithItsOwnFailureStepLeavesTheLineToIt() {
        Status status = new Status(ENGLISH);
        status.ok("before");
        AtomicReference<Throwable> seen = new AtomicReference<>();
        status.saving(() -> {
            throw new IllegalArgumentException();
        }).onFailure(seen::set).runOn(executor);
        assertThat(seen.get()).isInstanceOf(IllegalArgumentException.class);
        assertThat(status.isBusy()).isFalse();
        assertThat(status.messageProperty().get()).isEqualTo("before");
    }
}
