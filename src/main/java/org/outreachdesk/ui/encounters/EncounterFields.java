package org.outreachdesk.ui.encounters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.outreachdesk.app.EncounterService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Labels;

/**
 * The fields of an encounter as a form holds them (the desk's, and the correction window's): the round (date, site,
 * worker), quantities as typed, services, HIV testing status, STI screening, referrals to add, note, and the
 * messages at the fields. No controls: {@link EncounterFormParts} builds them on these properties.
 */
public final class EncounterFields {

    /** The services offered as referral check boxes; trafficking and child protection go through the protocol. */
    public static final List<ServiceType> DESK_SERVICES = Arrays.stream(ServiceType.values())
            .filter(s -> s != ServiceType.TRAFFICKING && s != ServiceType.CHILD_PROTECTION).toList();

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> worker = new SimpleObjectProperty<>();
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();
    private final ObjectProperty<EncounterService.FormChoices> choices = new SimpleObjectProperty<>();
    private final Map<Commodity, StringProperty> quantities = new EnumMap<>(Commodity.class);
    private final ObjectProperty<HivStatus> hivStatus = new SimpleObjectProperty<>();
    private final BooleanProperty stiScreened = new SimpleBooleanProperty();
    private final BooleanProperty education = new SimpleBooleanProperty();
    private final BooleanProperty condomDemo = new SimpleBooleanProperty();
    private final ObjectProperty<EncounterType> type = new SimpleObjectProperty<>(EncounterType.INDIVIDUAL);
    private final Map<ServiceType, BooleanProperty> referrals = new EnumMap<>(ServiceType.class);
    private final Map<ServiceType, ObjectProperty<DirectoryEntry>> destinations = new EnumMap<>(ServiceType.class);
    private final Map<ServiceType, ObjectProperty<LocalDate>> dueDates = new EnumMap<>(ServiceType.class);
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty confirmLarge = new SimpleBooleanProperty();
    private final BooleanProperty confirmShown = new SimpleBooleanProperty();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    public EncounterFields() {
        for (Commodity c : Commodity.values()) {
            quantities.put(c, new SimpleStringProperty(""));
        }
        for (ServiceType s : DESK_SERVICES) {
            referrals.put(s, new SimpleBooleanProperty());
            destinations.put(s, new SimpleObjectProperty<>());
            dueDates.put(s, new SimpleObjectProperty<>());
        }
    }

    /** Takes the form's choices (sites, staff, directory). */
    public void choices(EncounterService.FormChoices c) {
        choices.set(c);
        sites.setAll(c.sites());
        staff.setAll(c.staff());
    }

    /** The quantities as typed, by commodity. */
    public Map<Commodity, String> typedQuantities() {
        Map<Commodity, String> typed = new EnumMap<>(Commodity.class);
        quantities.forEach((c, p) -> typed.put(c, p.get()));
        return typed;
    }

    /** The draft of these fields (no contact, quantities not read: the caller adds them). */
    public EncounterService.Draft.Builder draft() {
        return EncounterService.Draft.builder()
                .date(date.get()).staff(worker.get() == null ? null : worker.get().meta().id())
                .site(site.get() == null ? null : site.get().meta().id())
                .services(type.get(), education.get(), condomDemo.get(), hivStatus.get(), stiScreened.get())
                .note(note.get()).referrals(referralRequests()).largeQuantitiesConfirmed(confirmLarge.get());
    }

    /** The referrals ticked, with their destinations and due dates. */
    public List<EncounterService.ReferralRequest> referralRequests() {
        List<EncounterService.ReferralRequest> out = new ArrayList<>();
        for (ServiceType s : DESK_SERVICES) {
            if (referrals.get(s).get()) {
                DirectoryEntry d = destinations.get(s).get();
                out.add(new EncounterService.ReferralRequest(s, d == null ? null : d.meta().id(), dueDates.get(s).get()));
            }
        }
        return out;
    }

    /** Fills the fields with a saved encounter (site and worker among the choices; no referral ticked). */
    public void fill(Encounter e) {
        date.set(e.date());
        site.set(sites.stream().filter(s -> s.meta().id().equals(e.siteId())).findFirst().orElse(null));
        worker.set(staff.stream().filter(s -> s.meta().id().equals(e.staffId())).findFirst().orElse(null));
        for (Commodity c : Commodity.values()) {
            int q = e.quantities().of(c);
            quantities.get(c).set(q == 0 ? "" : String.valueOf(q));
        }
        hivStatus.set(e.hivStatus());
        stiScreened.set(e.stiScreened());
        education.set(e.education());
        condomDemo.set(e.condomDemo());
        type.set(e.type());
        note.set(e.note() == null ? "" : e.note());
        clearReferrals();
        confirmLarge.set(false);
        confirmShown.set(false);
        errors.clear();
    }

    /** Empties what belongs to one encounter; the round (date, site, worker) stays. */
    public void clearEncounter() {
        quantities.values().forEach(p -> p.set(""));
        hivStatus.set(null);
        stiScreened.set(false);
        education.set(false);
        condomDemo.set(false);
        type.set(EncounterType.INDIVIDUAL);
        clearReferrals();
        note.set("");
        confirmLarge.set(false);
        confirmShown.set(false);
        errors.clear();
    }

    private void clearReferrals() {
        for (ServiceType s : DESK_SERVICES) {
            referrals.get(s).set(false);
            destinations.get(s).set(null);
            dueDates.get(s).set(null);
        }
    }

    /** What was handed out at an encounter, in short ("MC 10 · Lube 5"), or a dash. */
    public static String given(Labels l, Encounter e) {
        List<String> parts = new ArrayList<>();
        for (Commodity c : Commodity.values()) {
            if (e.quantities().of(c) > 0) {
                parts.add(l.get("desk.short." + c.name(), e.quantities().of(c)));
            }
        }
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    public List<DirectoryEntry> destinationsFor(ServiceType s) {
        return choices.get() == null ? List.of() : choices.get().destinationsFor(s);
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObjectProperty<Staff> workerProperty() {
        return worker;
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    public ObservableList<Staff> staff() {
        return staff;
    }

    public ObjectProperty<EncounterService.FormChoices> choicesProperty() {
        return choices;
    }

    public StringProperty quantityProperty(Commodity c) {
        return quantities.get(c);
    }

    public ObjectProperty<HivStatus> hivStatusProperty() {
        return hivStatus;
    }

    public BooleanProperty stiScreenedProperty() {
        return stiScreened;
    }

    public BooleanProperty educationProperty() {
        return education;
    }

    public BooleanProperty condomDemoProperty() {
        return condomDemo;
    }

    public ObjectProperty<EncounterType> typeProperty() {
        return type;
    }

    public BooleanProperty referralProperty(ServiceType s) {
        return referrals.get(s);
    }

    public ObjectProperty<DirectoryEntry> destinationProperty(ServiceType s) {
        return destinations.get(s);
    }

    public ObjectProperty<LocalDate> dueDateProperty(ServiceType s) {
        return dueDates.get(s);
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty confirmLargeProperty() {
        return confirmLarge;
    }

    public BooleanProperty confirmShownProperty() {
        return confirmShown;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }
}
