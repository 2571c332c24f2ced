package org.outreachdesk.ui.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.FieldProblem;
import org.outreachdesk.app.InvalidFieldsException;
import org.outreachdesk.app.NearDuplicateException;
import org.outreachdesk.app.SafeguardingRequiredException;
import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.InvalidUicException;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.common.WithStatus;
import org.outreachdesk.ui.safeguarding.SafeguardingRequest;

/**
 * The UIC builder and new-contact form of one dialog. It asks the first letters of the mother's and father's
 * first names, sex at birth and birth date, shows the code as it forms, and stores only the code.
 *
 * <p>The parts live in this view-model only while its dialog is open: {@link #clear()} (called when the dialog
 * closes, whatever the outcome) empties them, and nothing else keeps them — no log, no other property.
 */
public final class UicBuilderViewModel implements WithStatus {

    private final UiContext ctx;
    private final Labels labels;
    private final Problems problems;
    private final Status status;
    private final ContactService contacts;

    private final StringProperty mother = new SimpleStringProperty("");
    private final StringProperty father = new SimpleStringProperty("");
    private final ObjectProperty<Uic.SexAtBirth> sex = new SimpleObjectProperty<>();
    private final StringProperty day = new SimpleStringProperty("");
    private final StringProperty month = new SimpleStringProperty("");
    private final StringProperty year = new SimpleStringProperty("");
    private final StringBinding preview;

    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>();
    private final ObjectProperty<KpType> kpType = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> homeSite = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> worker = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final LocalDate firstContactDate;
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableList<ContactListing> candidates = FXCollections.observableArrayList();
    private final BooleanProperty askSamePerson = new SimpleBooleanProperty();
    private final BooleanProperty exactMatch = new SimpleBooleanProperty();

    /** The contact whose UIC this dialog corrects (null when it creates a new contact). */
    private ContactListing correcting;
    private Consumer<ContactListing> onDone = c -> { };
    private Consumer<SafeguardingRequest> onSafeguarding = r -> { };

    /**
     * @param defaults date of first contact, home site and worker (from the desk), and a code already typed
     *                 (its letters and date fill the parts, so the worker only checks them)
     */
    public UicBuilderViewModel(UiContext ctx, ContactService.NewContact defaults, List<Site> sites, List<Staff> staff) {
        this.ctx = ctx;
        this.labels = new Labels(ctx.messages());
        this.problems = new Problems(labels);
        this.status = Status.ofForm(problems, errors);
        this.contacts = new ContactService(ctx.workspace());
        this.sites.setAll(sites);
        this.staff.setAll(staff);
        this.firstContactDate = defaults.firstContactDate() == null ? ctx.workspace().today()
                : defaults.firstContactDate();
        homeSite.set(sites.stream().filter(s -> s.meta().id().equals(defaults.homeSiteId())).findFirst().orElse(null));
        worker.set(staff.stream().filter(s -> s.meta().id().equals(defaults.staffId())).findFirst().orElse(null));
        sex.addListener((obs, old, now) -> {
            if (gender.get() == null && now == Uic.SexAtBirth.FEMALE) {
                gender.set(Gender.F);
            } else if (gender.get() == null && now == Uic.SexAtBirth.MALE) {
                gender.set(Gender.M);
            }
        });
        if (defaults.uic() != null) {
            fillFrom(defaults.uic());
        }
        preview = Bindings.createStringBinding(this::code, mother, father, sex, day, month, year);
        // any change to the code makes an earlier "same person?" question stale
        preview.addListener((obs, old, now) -> {
            askSamePerson.set(false);
            candidates.clear();
        });
    }

    /**
     * The builder for correcting the UIC of {@code c} (issue 14): the parts start from its code, the details are its
     * own and are not asked; saving corrects the code (coordinators and above) and keeps the old one as an alias.
     */
    public static UicBuilderViewModel correcting(UiContext ctx, ContactListing c) {
        Contact k = c.contact();
        UicBuilderViewModel vm = new UicBuilderViewModel(ctx, new ContactService.NewContact(k.uic(), k.gender(),
                k.kpType(), k.birthYear(), k.firstContactDate(), k.homeSiteId(), k.assignedStaffId(), null),
                List.of(), List.of());
        vm.correcting = c;
        vm.gender.set(k.gender());
        vm.kpType.set(k.kpType());
        return vm;
    }

    /** Whether this dialog corrects a contact's UIC rather than creating a contact. */
    public boolean isCorrecting() {
        return correcting != null;
    }

    private void correct() {
        ContactService.NewContact c = build();
        if (c == null) {
            status.fail(labels.get("desk.message.fix"));
            return;
        }
        Contact k = correcting.contact();
        ContactCorrectionService corrections = new ContactCorrectionService(ctx.workspace());
        status.saving(() -> {
            corrections.correctUic(k.id(), k.meta().version(), c.uic().value());
            return contacts.find(k.id()).orElseThrow();
        }).onSuccess(this::saved).onFailure(e -> {
            if (e instanceof InvalidFieldsException f) {
                // the parts are not the fields the service names: its problems in one line
                status.fail(String.join(" ", f.problems().stream().map(problems::text).toList()));
            } else {
                status.failed(e);
            }
        }).runOn(ctx.executor());
    }

    /** A contact created or corrected: the window closes with it. */
    private void saved(ContactListing listing) {
        ctx.shell().saved(ctx.workspace().clock().instant());
        onDone.accept(listing);
    }

    private void fillFrom(Uic uic) {
        String v = uic.value();
        mother.set(v.substring(0, 2).replace("9", ""));
        father.set(v.substring(2, 4).replace("9", ""));
        for (Uic.SexAtBirth s : Uic.SexAtBirth.values()) {
            if (s.digit() == v.charAt(4)) {
                sex.set(s);
            }
        }
        day.set(v.startsWith("99", 5) ? "" : v.substring(5, 7));
        month.set(v.startsWith("99", 7) ? "" : v.substring(7, 9));
        int yy = uic.birthYearDigits();
        if (yy != 99) {
            int now = firstContactDate.getYear();
            int y = now - Math.floorMod(now, 100) + yy;
            year.set(String.valueOf(y > now ? y - 100 : y));
        }
    }

    /** The code as it forms: unknown parts as 9, parts not yet valid as '?'. */
    private String code() {
        String s = sex.get() == null ? "?" : String.valueOf(sex.get().digit());
        return part(mother.get()) + part(father.get()) + s + twoDigits(day.get(), 31) + twoDigits(month.get(), 12)
                + yearDigits(year.get());
    }

    private static String part(String letters) {
        String l = letters == null ? "" : letters.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return (l + "99").substring(0, 2);
    }

    private static String twoDigits(String text, int max) {
        if (text == null || text.isBlank()) {
            return "99";
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= max ? String.format(Locale.ROOT, "%02d", n) : "??";
        } catch (NumberFormatException e) {
            return "??";
        }
    }

    private static String yearDigits(String text) {
        if (text == null || text.isBlank()) {
            return "99";
        }
        return text.strip().length() == 4 ? text.strip().substring(2) : "??";
    }

    // ---- creating ----------------------------------------------------------------------------------------

    /** Checks the answers and creates the contact; asks "same person?" first when the code is one edit away. */
    public void create() {
        submit(false);
    }

    /** The user says the near-duplicate is a different person: create the new contact. */
    public void createAnyway() {
        submit(true);
    }

    /** The user says it is the same person: take the existing contact, create nothing. */
    public void useExisting(ContactListing existing) {
        onDone.accept(existing);
    }

    private void submit(boolean notADuplicate) {
        if (status.isBusy()) {
            return;
        }
        errors.clear();
        status.clear();
        if (correcting != null) {
            correct();
            return;
        }
        ContactService.NewContact c = build();
        if (c == null) {
            status.fail(labels.get("desk.message.fix"));
            return;
        }
        status.saving(() -> {
            Contact created = contacts.create(c, notADuplicate);
            return contacts.find(created.id()).orElseThrow();
        }).onSuccess(this::saved).onFailure(e -> {
            if (e instanceof NearDuplicateException n) {
                candidates.setAll(n.candidates());
                exactMatch.set(false);
                askSamePerson.set(true);
                status.ok(labels.get("builder.samePerson.question"));
            } else if (e instanceof SafeguardingRequiredException) {
                onSafeguarding.accept(new SafeguardingRequest(c.firstContactDate(), null, c,
                        c.homeSiteId(), c.staffId(), true));
            } else if (e instanceof InvalidFieldsException f
                    && f.problems().stream().anyMatch(p -> p.code().equals("uic.taken"))) {
                problems.putAll(f, errors);
                showExisting(c.uic());
            } else {
                status.failed(e);
            }
        }).runOn(ctx.executor());
    }

    private void showExisting(Uic uic) {
        status.load(ctx.executor(), () -> contacts.lookup(uic.value()), found -> found.ifPresent(l -> {
            candidates.setAll(l);
            exactMatch.set(true);
            askSamePerson.set(true);
            status.ok(labels.get("builder.exists"));
        }));
    }

    /** The new contact from the answers, or null with messages at the fields. */
    ContactService.NewContact build() {
        if (sex.get() == null) {
            put("sex", "required", "Choose the sex at birth");
        }
        Integer d = number("birthDay", day.get(), 1, 31);
        Integer m = number("birthMonth", month.get(), 1, 12);
        Integer y = null;
        String yt = year.get() == null ? "" : year.get().strip();
        if (!yt.isEmpty()) {
            if (yt.length() != 4 || !Age.isPlausibleBirthYear(Integer.parseInt(yt), ctx.workspace().today())) {
                put("birthYear", "birthYear.implausible", "The birth year must be between 1900 and this year",
                        ctx.workspace().today().getYear());
            } else {
                y = Integer.parseInt(yt);
            }
        }
        if (gender.get() == null) {
            put("gender", "required", "Choose the gender");
        }
        if (kpType.get() == null) {
            put("kpType", "required", "Choose the key-population type");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Uic uic;
        try {
            uic = Uic.build(mother.get(), father.get(), sex.get(), d, m, y);
        } catch (InvalidUicException e) {
            put("birthDay", "birthDay.notInMonth", "That day does not exist in that month");
            return null;
        }
        return new ContactService.NewContact(uic, gender.get(), kpType.get(), y, firstContactDate,
                homeSite.get() == null ? null : homeSite.get().meta().id(),
                worker.get() == null ? null : worker.get().meta().id(), note.get());
    }

    private Integer number(String field, String text, int min, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        int n = Integer.parseInt(t); // the fields take digits only
        if (n < min || n > max) {
            put(field, "range", "Must be " + min + "-" + max + ", or blank when unknown", min, max);
            return null;
        }
        return n;
    }

    private void put(String field, String code, String english, Object... args) {
        errors.put(field, problems.text(FieldProblem.of(field, code, english, args)));
    }

    /** Forgets the answers (the name letters and birth date). Called when the dialog closes, however it closes. */
    public void clear() {
        mother.set("");
        father.set("");
        sex.set(null);
        day.set("");
        month.set("");
        year.set("");
        note.set("");
        candidates.clear();
        askSamePerson.set(false);
    }

    // ---- properties --------------------------------------------------------------------------------------

    public Labels labels() {
        return labels;
    }

    public StringProperty motherProperty() {
        return mother;
    }

    public StringProperty fatherProperty() {
        return father;
    }

    public ObjectProperty<Uic.SexAtBirth> sexProperty() {
        return sex;
    }

    public StringProperty dayProperty() {
        return day;
    }

    public StringProperty monthProperty() {
        return month;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public StringBinding previewProperty() {
        return preview;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public ObjectProperty<KpType> kpTypeProperty() {
        return kpType;
    }

    public ObjectProperty<Site> homeSiteProperty() {
        return homeSite;
    }

    public ObjectProperty<Staff> workerProperty() {
        return worker;
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

    public ObservableMap<String, String> errors() {
        return errors;
    }

    @Override
    public Status status() {
        return status;
    }

    public ObservableList<ContactListing> candidates() {
        return candidates;
    }

    public BooleanProperty askSamePersonProperty() {
        return askSamePerson;
    }

    public BooleanProperty exactMatchProperty() {
        return exactMatch;
    }

    public void setOnDone(Consumer<ContactListing> c) {
        this.onDone = c;
    }

    public void setOnSafeguarding(Consumer<SafeguardingRequest> c) {
        this.onSafeguarding = c;
    }
}
