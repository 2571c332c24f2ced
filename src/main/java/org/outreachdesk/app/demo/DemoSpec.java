package org.outreachdesk.app.demo;

/**
 * What a demo vault holds: how many contacts, over how many months up to today, from which seed. The
 * same spec gives the same data. {@code sites} 0 picks a number from the contacts; {@code targetEncounters}
 * 0 lets visits follow the usual rhythm (roughly a visit every other month while a contact stays in touch).
 */
public record DemoSpec(int contacts, int months, long seed, int sites, long targetEncounters) {

    public DemoSpec {
        if (contacts < 1 || contacts > 1_000_000) {
            throw new IllegalArgumentException("contacts must be 1 to 1,000,000");
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be 1 to 120");
        }
        if (sites < 0 || sites > 500) {
            throw new IllegalArgumentException("sites must be 0 to 500");
        }
        if (targetEncounters < 0) {
            throw new IllegalArgumentException("target encounters must not be negative");
        }
    }

    public static DemoSpec of(int contacts, int months, long seed) {
        return new DemoSpec(contacts, months, seed, 0, 0);
    }

    int siteCount() {
        return sites > 0 ? sites : Math.max(7, Math.min(40, contacts / 100));
    }
}
