package org.outreachdesk.app;

import static org.outreachdesk.domain.ServiceType.ART;
import static org.outreachdesk.domain.ServiceType.CHILD_PROTECTION;
import static org.outreachdesk.domain.ServiceType.FP;
import static org.outreachdesk.domain.ServiceType.HTS;
import static org.outreachdesk.domain.ServiceType.LEGAL;
import static org.outreachdesk.domain.ServiceType.LIVELIHOOD;
import static org.outreachdesk.domain.ServiceType.OTHER;
import static org.outreachdesk.domain.ServiceType.STI;
import static org.outreachdesk.domain.ServiceType.TRAFFICKING;
import static org.outreachdesk.domain.ServiceType.VIOLENCE;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.SettingKey;

/**
 * The service directory: organisations contacts are referred to. Everyone can search it (RECORDS);
 * coordinators, managers and admins keep it (COORDINATE). Only organisations' public numbers are kept,
 * never a person's.
 */
public final class DirectoryService {

    static final String RECORD_TYPE = "directory_entry";
    /** Set once the default organisations were put in; seeding again then does nothing. */

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,40}");

    private final Workspace ws;

    public DirectoryService(Workspace ws) {
        this.ws = ws;
    }

    /** What a coordinator types for an organisation. */
    public record Draft(String name, String description, String publicPhone, String location,
                        Set<ServiceType> services) {
        public Draft {
            services = services == null ? Set.of() : Set.copyOf(services);
        }
    }

    /**
     * The organisations named in the programme's seed document. Public numbers are only given where the
     * number is a published hotline (1288); coordinators add the offices' numbers they use.
     */
    public static final List<Draft> DEFAULTS = List.of(
            new Draft("KHANA and partners", "Khmer HIV/AIDS NGO Alliance and its local partners: HIV and STI "
                    + "testing, prevention, linkage to antiretroviral therapy", null, "Phnom Penh; local partners",
                    EnumSet.of(HTS, STI, ART)),
            new Draft("Women's Network for Unity (WNU)", "Sex worker-led collective advocating for rights",
                    null, "Phnom Penh", EnumSet.of(OTHER)),
            new Draft("Pursat Provincial Health Department", "Public health services and national programmes: "
                    + "HIV and STI testing, ART, family planning", null, "Pursat", EnumSet.of(HTS, STI, ART, FP)),
            new Draft("LICADHO", "Cambodian human rights organisation offering legal aid", null,
                    "Phnom Penh; provincial offices", EnumSet.of(LEGAL, VIOLENCE)),
            new Draft("ADHOC", "Cambodian human rights organisation offering legal aid", null,
                    "Phnom Penh; provincial offices", EnumSet.of(LEGAL, VIOLENCE)),
            new Draft("Chab Dai Coalition", "Coalition against trafficking and sexual exploitation; helps victims "
                    + "and guides reporting", null, "Phnom Penh", EnumSet.of(TRAFFICKING, CHILD_PROTECTION)),
            new Draft("AFESIP Cambodia", "Support, shelter and reintegration for survivors of trafficking and "
                    + "sexual exploitation", null, "Phnom Penh", EnumSet.of(TRAFFICKING, VIOLENCE, LIVELIHOOD)),
            new Draft("IOM Cambodia", "International Organization for Migration: assistance to victims of "
                    + "trafficking and migrants", null, "Phnom Penh", EnumSet.of(TRAFFICKING, LIVELIHOOD)),
            new Draft("National Committee for Counter Trafficking (NCCT) hotline", "National hotline to report "
                    + "suspected trafficking or exploitation of a child", "1288", "National",
                    EnumSet.of(TRAFFICKING, CHILD_PROTECTION)));

    /**
     * Entries whose name or description contains {@code text} (null or blank for all) and that offer
     * {@code service} (null for any), by name.
     */
    public List<DirectoryEntry> search(String text, ServiceType service, boolean includeInactive) {
        return ws.read(Permission.RECORDS, tx -> tx.directory().search(text, service, !includeInactive));
    }

    public DirectoryEntry add(Draft d) {
        ws.require(Permission.COORDINATE);
        DirectoryEntry e = build(ws.newMeta(), d, true);
        return ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, e.meta().id().toString(), null, tx -> {
            if (tx.directory().findByName(e.name()).isPresent()) {
                throw duplicateName();
            }
            tx.directory().insert(e);
            return e;
        });
    }

    /** Saves changes to {@code original} (as read); fails if someone changed it since. */
    public DirectoryEntry update(DirectoryEntry original, Draft d) {
        ws.require(Permission.COORDINATE);
        DirectoryEntry e = build(ws.touch(original.meta()), d, original.active());
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                e.meta().id().toString(), null, tx -> {
                    tx.directory().findByName(e.name())
                            .filter(other -> !other.meta().id().equals(e.meta().id()))
                            .ifPresent(other -> {
                                throw duplicateName();
                            });
                    tx.directory().update(e);
                    return e;
                }));
    }

    /** Deactivates (hidden from referral choices, kept for old referrals) or reactivates an entry. */
    public DirectoryEntry setActive(DirectoryEntry original, boolean active) {
        ws.require(Permission.COORDINATE);
        DirectoryEntry e = new DirectoryEntry(ws.touch(original.meta()), original.name(), original.description(),
                original.publicPhone(), original.location(), original.services(), active);
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                e.meta().id().toString(), active ? "activated" : "deactivated", tx -> {
                    tx.directory().update(e);
                    return e;
                }));
    }

    /**
     * Puts the default organisations ({@link #DEFAULTS}) into a new vault, once: a vault already seeded, or
     * an organisation already there by name, is left alone. Called when a vault is created.
     *
     * @return how many entries were added
     */
    public int seedDefaults() {
        ws.require(Permission.COORDINATE);
        if (ws.read(Permission.COORDINATE, tx -> tx.settings().get(SettingKey.DIRECTORY_SEEDED)).isPresent()) {
            return 0;
        }
        int[] added = {0};
        ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, null, "default directory", tx -> {
            if (tx.settings().get(SettingKey.DIRECTORY_SEEDED).isPresent()) {
                return null;
            }
            for (Draft d : DEFAULTS) {
                if (tx.directory().findByName(d.name()).isEmpty()) {
                    tx.directory().insert(build(seedMeta(d.name()), d, true));
                    added[0]++;
                }
            }
            tx.settings().put(SettingKey.DIRECTORY_SEEDED, "1", ws.user().id(), ws.clock().instant());
            return null;
        });
        return added[0];
    }

    /** Who "wrote" the default organisations: no user; the same on every vault. */
    static final UUID SEED_AUTHOR = UUID.nameUUIDFromBytes("outreach-desk:directory-seed".getBytes(StandardCharsets.UTF_8));
    private static final Instant SEED_TIME = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * A default organisation's metadata, the same on every vault (id from its name): two laptops that join one team
     * hold one entry for it, not two (team sync inserts a record only when its id is absent, ADR 14).
     */
    static RecordMeta seedMeta(String name) {
        UUID id = UUID.nameUUIDFromBytes(("outreach-desk:directory:" + name).getBytes(StandardCharsets.UTF_8));
        return new RecordMeta(id, SEED_TIME, SEED_TIME, SEED_AUTHOR, SEED_AUTHOR, SEED_AUTHOR, 1);
    }

    private static DirectoryEntry build(RecordMeta meta, Draft d, boolean active) {
        String name = OpsChecks.requiredText(d.name(), 120, "The organisation's name");
        String description = OpsChecks.optionalText(d.description(), 500, "The description");
        String phone = OpsChecks.optionalText(d.publicPhone(), 40, "The public number");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("The public number may hold only digits, spaces and + - ( )")
                    .keyed("directory.phone");
        }
        String location = OpsChecks.optionalText(d.location(), 120, "The location");
        if (d.services().isEmpty()) {
            throw new InvalidInputException("Choose at least one service the organisation offers")
                    .keyed("directory.noService");
        }
        return new DirectoryEntry(meta, name, description, phone, location, d.services(), active);
    }

    private static InvalidInputException duplicateName() {
        return (InvalidInputException) new InvalidInputException("Another organisation in the directory already has this name")
                .keyed("directory.nameTaken");
    }
}
