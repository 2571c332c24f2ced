package org.outreachdesk.domain;

/**
 * KP_PREV testing status of one reached contact in a report period (PEPFAR MER), the first that applies:
 * <ol>
 *   <li>{@link #KNOWN_POSITIVE}: any encounter of the contact up to the period end has status known positive;</li>
 *   <li>{@link #NEWLY_TESTED_OR_REFERRED}: an encounter in the period has status tested or referred for test,
 *       or an HTS referral was made in the period;</li>
 *   <li>{@link #DECLINED}: an encounter in the period has status declined;</li>
 *   <li>{@link #NOT_REQUIRED}: otherwise.</li>
 * </ol>
 */
public enum KpPrevStatus {
    KNOWN_POSITIVE, NEWLY_TESTED_OR_REFERRED, DECLINED, NOT_REQUIRED
}
