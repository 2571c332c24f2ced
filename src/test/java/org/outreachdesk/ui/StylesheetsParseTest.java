package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import javafx.css.CssParser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stylesheet parses without an error: JavaFX only logs a CSS syntax error and then drops the rest of the
 * file, so a rule left open (e.g. by a merge) silently unstyles every screen whose rules come after it.
 */
class StylesheetsParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"outreach-desk.css", "desk.css", "ops.css"})
    void parsesWithoutErrors(String name) throws IOException {
        URL url = StylesheetsParseTest.class.getResource("/org/outreachdesk/ui/" + name);
        assertThat(url).as(name).isNotNull();
        CssParser.errorsProperty().clear();
        new CssParser().parse(url);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertThat(errors).as(name).isEmpty();
    }
}
