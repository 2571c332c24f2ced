package org.outreachdesk.ui.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.outreachdesk.app.ContactCorrectionService;
import org.outreachdesk.app.ContactCorrectionService.Profile;
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.MergeService;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.WithStatus;

/**
 * Corrections of one contact from its page (issue 14): the profile form, "merge with…" (find the other contact by
 * its UIC, choose which UIC stays) and the history. The services check who may; the screen only hides what a role
 * cannot do. Work runs on the background executor; {@code onDone} gets the contact as it is afterwards.
 */
public final class ContactCorrectionViewModel implements WithStatus {

    private final UiContext ctx;
    private final Labels labels;
    private final Status statusLine;
    private final ContactService contacts;
    private final ContactCorrectionService corrections;
    private final MergeService merges;
    private final ContactListing contact;

    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>();
    private final ObjectProperty<KpType> kpType = new SimpleObjectProperty<>();
    private final StringProperty birthYear = new SimpleStringProperty("");
    private final ObjectProperty<Site> homeSite = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> worker = new SimpleObjectProperty<>();
    private final ObjectProperty<ContactStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> statusDate = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();

    private final StringProperty otherUic = new SimpleStringProperty("");
    private final ObjectProperty<ContactListing> other = new SimpleObjectProperty<>();
    /** True: the UIC of this contact stays; false: the other's. */
    private final BooleanProperty keepThis = new SimpleBooleanProperty(true);

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private Consumer<ContactListing> onDone = c -> { };

    public ContactCorrectionViewModel(UiContext ctx, ContactListing contact) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.statusLine = Status.ofForm(new Problems(labels), errors);
        this.contacts = new ContactService(ctx.workspace());
        this.corrections = new ContactCorrectionService(ctx.workspace());
        this.merges = new MergeService(ctx.workspace());
        this.contact = contact;
        Contact c = contact.contact();
        gender.set(c.gender());
        kpType.set(c.kpType());
        birthYear.set(c.birthYear() == null ? "" : String.valueOf(c.birthYear()));
        status.set(c.status());
        statusDate.set(c.statusDate());
        note.set(c.note() == null ? "" : c.note());
    }

    /** Reads the sites and workers to choose from (then selects the contact's own). */
    public void loadChoices() {
        statusLine.load(ctx.executor(), contacts::choices, ch -> {
            sites.setAll(ch.sites());
            staff.setAll(ch.staff());
            Contact c = contact.contact();
            homeSite.set(ch.sites().stream().filter(s -> s.meta().id().equals(c.homeSiteId())).findFirst().orElse(null));
            worker.set(ch.staff().stream().filter(s -> s.meta().id().equals(c.assignedStaffId())).findFirst()
                    .orElse(null));
        });
    }

    /** Whether the signed-in user may correct this contact's profile. */
    public boolean mayCorrect() {
        return corrections.mayCorrect(contact.contact());
    }

    /** Whether the signed-in user may correct UICs and merge contacts. */
    public boolean mayMerge() {
        return corrections.mayMerge();
    }

    /** Saves the profile as corrected. */
    public void saveProfile() {
        if (statusLine.isBusy()) {
            return;
        }
        errors.clear();
        statusLine.clear();
        Integer year = null;
        String y = birthYear.get() == null ? "" : birthYear.get().strip();
        if (!y.isEmpty()) {
            try {
                year = Integer.parseInt(y);
            } catch (NumberFormatException e) {
                errors.put("birthYear", labels.get("desk.problem.birthYear.implausible", ctx.workspace().today().getYear()));
                return;
            }
        }
        Profile p = new Profile(gender.get(), kpType.get(), year, homeSite.get() == null ? null : homeSite.get().meta().id(),
                worker.get() == null ? null : worker.get().meta().id(), status.get(), statusDate.get(), note.get());
        Contact c = contact.contact();
        run(() -> corrections.correctProfile(c.id(), c.meta().version(), p).id());
    }

    /** Looks the other contact up by the UIC typed (an alias finds the contact it names). */
    public void findOther() {
        errors.clear();
        statusLine.clear();
        other.set(null);
        String text = otherUic.get();
        statusLine.load(ctx.executor(), () -> contacts.lookup(text), found -> {
            if (found.isEmpty()) {
                statusLine.fail(labels.get("merge.notFound"));
            } else if (found.get().contact().id().equals(contact.contact().id())) {
                statusLine.fail(labels.get("merge.same"));
            } else {
                other.set(found.get());
            }
        });
    }

    /** Merges the two contacts, keeping the UIC chosen. */
    public void merge() {
        ContactListing o = other.get();
        if (o == null || statusLine.isBusy()) {
            return;
        }
        Contact keep = keepThis.get() ? contact.contact() : o.contact();
        Contact gone = keepThis.get() ? o.contact() : contact.contact();
        run(() -> merges.merge(keep.id(), keep.meta().version(), gone.id(), gone.meta().version()).kept().id());
    }

    private void run(Callable<UUID> work) {
        statusLine.run(ctx.executor(), () -> contacts.find(work.call()).orElseThrow(), listing -> {
            ctx.shell().saved(ctx.workspace().clock().instant());
            onDone.accept(listing);
        });
    }

    /** Reads this contact's history and hands it to {@code show} (with the values it needs to show them). */
    public void loadHistory(Consumer<List<RecordChange>> show) {
        statusLine.load(ctx.executor(), () -> corrections.history(contact.contact().id()), show);
    }

    /** How the history shows this contact's fields: types and statuses by label, site and worker by code. */
    public HistoryPane.Values historyValues() {
        Map<UUID, String> siteCodes = sites.stream().collect(Collectors.toMap(s -> s.meta().id(), Site::code));
        Map<UUID, String> staffCodes = staff.stream().collect(Collectors.toMap(s -> s.meta().id(), Staff::code));
        return new HistoryPane.Values(labels)
                .enumField("gender", Gender.class)
                .enumField("kpType", KpType.class)
                .enumField("status", ContactStatus.class)
                .codes("homeSiteId", siteCodes)
                .codes("assignedStaffId", staffCodes);
    }

    // ---- properties --------------------------------------------------------------------------------------

    public Labels labels() {
        return labels;
    }

    public ContactListing contact() {
        return contact;
    }

    public void setOnDone(Consumer<ContactListing> c) {
        onDone = c;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public ObjectProperty<KpType> kpTypeProperty() {
        return kpType;
    }

    public StringProperty birthYearProperty() {
        return birthYear;
    }

    public ObjectProperty<Site> homeSiteProperty() {
        return homeSite;
    }

    public ObjectProperty<Staff> workerProperty() {
        return worker;
    }

    public ObjectProperty<ContactStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> statusDateProperty() {
        return statusDate;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    public ObservableList<Staff> staff() {
        return staff;
    }

    public StringProperty otherUicProperty() {
        return otherUic;
    }

    public ObjectProperty<ContactListing> otherProperty() {
        return other;
    }

    public BooleanProperty keepThisProperty() {
        return keepThis;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** The message line and busy flag (not the contact's status: {@link #statusProperty()}). */
    @Override
    public Status status() {
        return statusLine;
    }
}
