package org.outreachdesk.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What the database says about one report period, already aggregated: counts of contacts and sums of
 * quantities, never an identifier, a UIC or a note. The report rules (age bands, donor rows and columns,
 * suppression) are applied to these facts by the report feature.
 *
 * @param reach       reached contacts, grouped by every attribute the report tables need
 * @param sites       every site (active, or inactive but visited in the period) with its activity in the period
 * @param referrals   referrals made in the period, by service type (types with none are left out)
 * @param incidents   safety incidents dated in the period, by type (types with none are left out)
 * @param safeguardingFlags safeguarding screens in the period with at least one indicator
 * @param monthly     distinct contacts reached per calendar month of the trend window (months with none left out)
 */
public record ReportFacts(LocalDate start, LocalDate end, List<ReachGroup> reach, List<SiteActivity> sites,
                          List<ReferralCount> referrals, List<IncidentCount> incidents, long safeguardingFlags,
                          List<MonthReach> monthly) {

    public ReportFacts {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        reach = List.copyOf(reach);
        sites = List.copyOf(sites);
        referrals = List.copyOf(referrals);
        incidents = List.copyOf(incidents);
        monthly = List.copyOf(monthly);
    }

    /**
     * Reached contacts sharing every attribute the tables use.
     *
     * @param isNew              the contacts' first-ever encounter is inside the period
     * @param firstEncounterYear year of their first encounter in the period (age = this minus birth year)
     * @param birthYear          null when unknown
     * @param contacts           how many contacts (at least 1)
     */
    public record ReachGroup(boolean isNew, int firstEncounterYear, Integer birthYear, Gender gender, KpType kpType,
                             KpPrevStatus kpPrev, long contacts) {
        public ReachGroup {
            Objects.requireNonNull(gender, "gender");
            Objects.requireNonNull(kpType, "kpType");
            Objects.requireNonNull(kpPrev, "kpPrev");
        }
    }

    /** A site and what happened there in the period: encounters, distinct contacts met, commodities handed out. */
    public record SiteActivity(String code, String name, VenueType venueType, Integer estimatedSize, boolean active,
                               long encounters, long reached, long maleCondoms, long femaleCondoms, long lubricants,
                               long hivSelfTests) {
    }

    /** Referrals made in the period to one kind of service, and how many of them are completed. */
    public record ReferralCount(ServiceType service, long made, long completed) {
    }

    /** Incidents of one type in the period, and in how many of them support was given. */
    public record IncidentCount(IncidentType type, long count, long supportGiven) {
    }

    /** Distinct contacts with at least one encounter in a calendar month. */
    public record MonthReach(YearMonth month, long reached) {
    }
}
