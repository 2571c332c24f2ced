package org.outreachdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.outreachdesk.domain.Uic.SexAtBirth;

class UicTest {

    @Test
    void buildsTheDocumentedExample() {
        assertThat(Uic.build("Sophea", "Chan", SexAtBirth.FEMALE, 15, 3, 1998).value()).isEqualTo("SOCH2150398");
    }

    @Test
    void normalisesNamesToLatinLettersAndFillsShortPartsWithNine() {
        assertThat(Uic.build("d'Arcy", "  ", SexAtBirth.UNKNOWN, null, null, null).value()).isEqualTo("DA99999999" + "9");
        assertThat(Uic.build("A", "Lê-Văn", SexAtBirth.MALE, 1, 12, 2005).value()).isEqualTo("A9LE1011205");
    }

    @Test
    void parseIgnoresCaseAndSpaces() {
        assertThat(Uic.parse(" soch 215 0398 ").value()).isEqualTo("SOCH2150398");
    }

    @Test
    void rejectsMalformedCodesWithoutRepeatingThem() {
        assertThatThrownBy(() -> Uic.parse("SOCH215039")).hasMessage("UIC has 10 characters, expected 11");
        assertThatThrownBy(() -> Uic.parse("SOCH5150398")).hasMessageContaining("sex at birth");
        assertThatThrownBy(() -> Uic.parse("SOCH2320398")).hasMessageContaining("birth day");
        assertThatThrownBy(() -> Uic.parse("SOCH2311398")).hasMessageContaining("birth month");
        assertThatThrownBy(() -> Uic.parse("SOCH2310498")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Uic.parse("S0CH2150398")).hasMessageContaining("character 2")
                .hasMessageNotContaining("S0CH");
    }

    @Test
    void toStringNeverShowsTheCode() {
        assertThat(Uic.parse("SOCH2150398").toString()).doesNotContain("SOCH");
    }

    @Test
    void nearDuplicateIsOneEditApartWithTheSameBirthDate() {
        Uic a = Uic.parse("SOCH2150398");
        assertThat(a.isNearDuplicateOf(Uic.parse("SOCA2150398"))).isTrue();   // one letter changed
        assertThat(a.isNearDuplicateOf(Uic.parse("OSCH2150398"))).isTrue();   // two letters swapped
        assertThat(a.isNearDuplicateOf(Uic.parse("SOCH2150398"))).isFalse();  // the same code
        assertThat(a.isNearDuplicateOf(Uic.parse("SOCH2150399"))).isFalse();  // other birth date
        assertThat(a.isNearDuplicateOf(Uic.parse("XXCH2150398"))).isFalse();  // two edits
    }

    @Test
    void birthDateUsesTheCenturyBeforeTheReferenceYear() {
        assertThat(Uic.parse("SOCH2150398").birthDate(2026)).hasValueSatisfying(d -> assertThat(d.getYear()).isEqualTo(1998));
        assertThat(Uic.parse("SOCH2150310").birthDate(2026)).hasValueSatisfying(d -> assertThat(d.getYear()).isEqualTo(2010));
        assertThat(Uic.parse("SOCH2999999").birthDate(2026)).isEmpty();
    }
}
