package org.outreachdesk.ui.directory;

import java.util.concurrent.Callable;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.SiteService;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.UiContext;

/** The sites (hotspots) tab: list and editor. */
public final class SitesViewModel extends EditorState<Site> {

    private final SiteService service;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<VenueType> venue = new SimpleObjectProperty<>();
    private final StringProperty district = new SimpleStringProperty("");
    private final StringProperty commune = new SimpleStringProperty("");
    private final StringProperty size = new SimpleStringProperty("");

    public SitesViewModel(UiContext ctx) {
        super(ctx);
        this.service = new SiteService(ctx.workspace());
    }

    @Override
    public void refresh() {
        boolean inactive = includeInactiveProperty().get();
        ctx.executor().submit(() -> service.list(inactive), this::showRows, this::failed);
    }

    @Override
    protected void fill(Site s) {
        code.set(s == null ? "" : s.code());
        name.set(s == null ? "" : s.name());
        venue.set(s == null ? null : s.venueType());
        district.set(s == null || s.district() == null ? "" : s.district());
        commune.set(s == null || s.commune() == null ? "" : s.commune());
        size.set(s == null || s.estimatedSize() == null ? "" : Integer.toString(s.estimatedSize()));
    }

    @Override
    public boolean isActive(Site row) {
        return row.active();
    }

    @Override
    protected Callable<Site> saveTask(Site original) {
        Integer estimated = null;
        String text = size.get() == null ? "" : size.get().strip();
        if (!text.isEmpty()) {
            try {
                estimated = Integer.valueOf(text);
            } catch (NumberFormatException e) {
                show(ctx.messages().get("ops.sites.sizeNumber"), true);
                return null;
            }
        }
        SiteService.Draft d = new SiteService.Draft(code.get(), name.get(), venue.get(), district.get(), commune.get(),
                estimated);
        return () -> original == null ? service.add(d) : service.update(original, d);
    }

    @Override
    protected Site setActive(Site original, boolean active) {
        return service.setActive(original, active);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<VenueType> venueProperty() {
        return venue;
    }

    public StringProperty districtProperty() {
        return district;
    }

    public StringProperty communeProperty() {
        return commune;
    }

    public StringProperty sizeProperty() {
        return size;
    }
}
