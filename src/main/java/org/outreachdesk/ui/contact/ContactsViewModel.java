package org.outreachdesk.ui.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.outreachdesk.app.ContactService;
import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.WithStatus;
import org.outreachdesk.ui.safeguarding.SafeguardingRequest;

/**
 * The contact register: search by UIC prefix, filters (site, worker, key-population type, status) and order,
 * read a page at a time from the database as the table scrolls; the selected contact's timeline and status.
 */
public final class ContactsViewModel implements WithStatus {

    /** Rows read at a time. */
    public static final int PAGE = 100;

    private final UiContext ctx;
    private final Labels labels;
    /** The message line (not the contact's status: {@link #statusProperty()}). */
    private final Status statusLine;
    private final ContactService contacts;

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> worker = new SimpleObjectProperty<>();
    private final ObjectProperty<KpType> kpType = new SimpleObjectProperty<>();
    private final ObjectProperty<ContactStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<ContactFilter.Sort> sort = new SimpleObjectProperty<>(ContactFilter.Sort.UIC);
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();

    private final ObservableList<ContactListing> rows = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty(-1);
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    private final ObjectProperty<ContactListing> selected = new SimpleObjectProperty<>();
    private final ObservableList<ContactService.TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObjectProperty<ContactStatus> newStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> statusDate = new SimpleObjectProperty<>();
    private final ObjectProperty<ServiceType> referService = new SimpleObjectProperty<>();
    private final ObjectProperty<DirectoryEntry> referDestination = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> referDue = new SimpleObjectProperty<>();
    private final ObservableList<DirectoryEntry> referDestinations = FXCollections.observableArrayList();
    private ContactService.Choices choices;
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    /** Bumped by every new search, so that pages of an older one are dropped when they arrive late. */
    private int generation;
    private ContactFilter current = ContactFilter.ALL;

    public ContactsViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.statusLine = Status.ofForm(new Problems(labels), errors);
        this.contacts = new ContactService(ctx.workspace());
        site.addListener((o, a, b) -> reload());
        worker.addListener((o, a, b) -> reload());
        kpType.addListener((o, a, b) -> reload());
        status.addListener((o, a, b) -> reload());
        sort.addListener((o, a, b) -> reload());
        referService.addListener((o, a, b) -> fillDestinations());
    }

    private void fillDestinations() {
        DirectoryEntry keep = referDestination.get();
        List<DirectoryEntry> list = new ArrayList<>();
        list.add(null);
        if (choices != null && referService.get() != null) {
            list.addAll(choices.destinationsFor(referService.get()));
        }
        referDestinations.setAll(list);
        referDestination.set(list.contains(keep) ? keep : null);
    }

    /** Refers the selected contact to the chosen service (and organisation), due a week later unless a date is set. */
    public void refer() {
        ContactListing c = selected.get();
        if (c == null) {
            return;
        }
        errors.clear();
        ServiceType s = referService.get();
        DirectoryEntry d = referDestination.get();
        LocalDate due = referDue.get();
        LocalDate today = ctx.workspace().today();
        statusLine.run(ctx.executor(),
                () -> contacts.refer(c.contact().id(), s, d == null ? null : d.meta().id(), today, due),
                r -> {
                    ctx.shell().saved(ctx.workspace().clock().instant());
                    referService.set(null);
                    referDue.set(null);
                    statusLine.ok(labels.get("contacts.refer.saved", labels.of(r.serviceType()),
                            labels.date(r.dueDate())));
                    select(c);
                });
    }

    /** Loads the filter choices and the first page. */
    public void load() {
        statusLine.load(ctx.executor(), contacts::choices, c -> {
            choices = c;
            sites.setAll(c.sites());
            staff.setAll(c.staff());
            fillDestinations();
        });
        reload();
    }

    public ContactFilter filter() {
        return new ContactFilter(search.get(), site.get() == null ? null : site.get().meta().id(),
                worker.get() == null ? null : worker.get().meta().id(), kpType.get(), status.get(), sort.get());
    }

    private record First(long count, ContactService.Page page) {
    }

    /** Runs the search again from the first page. */
    public void reload() {
        int gen = ++generation;
        ContactFilter f = filter();
        current = f;
        loading.set(true);
        ctx.executor().submit(() -> new First(contacts.count(f), contacts.page(f, null, PAGE)), first -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            total.set(first.count());
            rows.setAll(first.page().rows());
            more.set(first.page().more());
        }, e -> {
            loading.set(false);
            statusLine.failed(e);
        });
    }

    /** Reads the next page, if there is one and none is on its way. */
    public void loadMore() {
        if (!more.get() || loading.get() || rows.isEmpty()) {
            return;
        }
        int gen = generation;
        ContactFilter f = current;
        ContactListing after = rows.get(rows.size() - 1);
        loading.set(true);
        ctx.executor().submit(() -> contacts.page(f, after, PAGE), page -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            rows.addAll(page.rows());
            more.set(page.more());
        }, e -> {
            loading.set(false);
            statusLine.failed(e);
        });
    }

    /** Shows a contact's timeline and status. */
    public void select(ContactListing c) {
        boolean same = selected.get() != null && c != null && selected.get().contact().id().equals(c.contact().id());
        selected.set(c);
        timeline.clear();
        errors.clear();
        if (!same) {
            statusLine.clear();
        }
        if (c == null) {
            return;
        }
        newStatus.set(c.contact().status());
        statusDate.set(ctx.workspace().today());
        statusLine.load(ctx.executor(), () -> contacts.timeline(c.contact().id()), t -> {
            if (selected.get() == c) {
                timeline.setAll(t);
            }
        });
    }

    /** The selected contact's timeline read again (after one of its encounters was corrected or voided). */
    public void reloadSelected() {
        select(selected.get());
    }

    /** Records the chosen status with its date. */
    public void changeStatus() {
        ContactListing c = selected.get();
        if (c == null || newStatus.get() == null) {
            return;
        }
        errors.clear();
        ContactStatus s = newStatus.get();
        LocalDate d = statusDate.get();
        statusLine.run(ctx.executor(), () -> {
            Contact changed = contacts.changeStatus(c.contact().id(), c.contact().meta().version(), s, d);
            return contacts.find(changed.id()).orElseThrow();
        }, updated -> {
            replace(updated);
            ctx.shell().saved(ctx.workspace().clock().instant());
            statusLine.ok(labels.get("contacts.status.saved", labels.of(s)));
        });
    }

    /** Puts a changed contact in place in the list and the details. */
    private void replace(ContactListing updated) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contact().id().equals(updated.contact().id())) {
                rows.set(i, updated);
            }
        }
        selected.set(updated);
    }

    /** The safeguarding screen for the selected contact. */
    public SafeguardingRequest safeguardingRequest() {
        ContactListing c = selected.get();
        LocalDate today = ctx.workspace().today();
        return new SafeguardingRequest(today, c, null, c.contact().homeSiteId(), c.contact().assignedStaffId(),
                Age.isUnder18(c.contact().uic(), c.contact().birthYear(), today));
    }

    /** After a screen was saved: the timeline and the contact (its type may have changed) again. */
    public void refreshSelected() {
        ContactListing c = selected.get();
        if (c == null) {
            return;
        }
        statusLine.load(ctx.executor(), () -> contacts.find(c.contact().id()).orElseThrow(), updated -> {
            replace(updated);
            select(updated);
        });
    }

    /** The details of the selected contact, one fact a line. */
    public List<String> details(ContactListing l) {
        List<String> out = new ArrayList<>();
        Contact c = l.contact();
        out.add(labels.get("contacts.detail.who", labels.of(c.gender()), c.kpType().code() + " – " + labels.of(c.kpType()),
                c.birthYear() == null ? "—" : String.valueOf(c.birthYear())));
        out.add(labels.get("contacts.detail.where", l.homeSiteCode() == null ? "—" : l.homeSiteCode(),
                l.staffCode() == null ? "—" : l.staffCode()));
        out.add(labels.get("contacts.detail.dates", labels.date(c.firstContactDate()),
                l.lastEncounter() == null ? "—" : labels.date(l.lastEncounter())));
        out.add(labels.get("contacts.detail.status", labels.of(c.status()),
                c.statusDate() == null ? "" : labels.date(c.statusDate())));
        if (c.note() != null) {
            out.add(labels.get("contacts.detail.note", c.note()));
        }
        return out;
    }

    // ---- properties --------------------------------------------------------------------------------------

    public Labels labels() {
        return labels;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObjectProperty<Staff> workerProperty() {
        return worker;
    }

    public ObjectProperty<KpType> kpTypeProperty() {
        return kpType;
    }

    public ObjectProperty<ContactStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<ContactFilter.Sort> sortProperty() {
        return sort;
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    public ObservableList<Staff> staff() {
        return staff;
    }

    public ObservableList<ContactListing> rows() {
        return rows;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public BooleanProperty moreProperty() {
        return more;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObjectProperty<ContactListing> selectedProperty() {
        return selected;
    }

    public ObservableList<ContactService.TimelineEntry> timeline() {
        return timeline;
    }

    public ObjectProperty<ContactStatus> newStatusProperty() {
        return newStatus;
    }

    public ObjectProperty<LocalDate> statusDateProperty() {
        return statusDate;
    }

    public ObjectProperty<ServiceType> referServiceProperty() {
        return referService;
    }

    public ObjectProperty<DirectoryEntry> referDestinationProperty() {
        return referDestination;
    }

    public ObjectProperty<LocalDate> referDueProperty() {
        return referDue;
    }

    public ObservableList<DirectoryEntry> referDestinations() {
        return referDestinations;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    @Override
    public Status status() {
        return statusLine;
    }
}
