package org.outreachdesk.ui.directory;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import org.outreachdesk.app.DirectoryService;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.ui.common.UiContext;

/** The service directory tab: search (text and service) and the organisation editor. */
public final class ServicesViewModel extends EditorState<DirectoryEntry> {

    private final DirectoryService service;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ServiceType> filter = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final ObservableSet<ServiceType> services = FXCollections.observableSet(EnumSet.noneOf(ServiceType.class));

    public ServicesViewModel(UiContext ctx) {
        super(ctx);
        this.service = new DirectoryService(ctx.workspace());
        search.addListener((o, a, b) -> refresh());
        filter.addListener((o, a, b) -> refresh());
    }

    @Override
    public void refresh() {
        String text = search.get();
        ServiceType s = filter.get();
        boolean inactive = includeInactiveProperty().get();
        ctx.executor().submit(() -> service.search(text, s, inactive), this::showRows, this::failed);
    }

    @Override
    protected void fill(DirectoryEntry e) {
        name.set(e == null ? "" : e.name());
        description.set(e == null || e.description() == null ? "" : e.description());
        phone.set(e == null || e.publicPhone() == null ? "" : e.publicPhone());
        location.set(e == null || e.location() == null ? "" : e.location());
        services.clear();
        if (e != null) {
            services.addAll(e.services());
        }
    }

    @Override
    public boolean isActive(DirectoryEntry row) {
        return row.active();
    }

    @Override
    protected Callable<DirectoryEntry> saveTask(DirectoryEntry original) {
        DirectoryService.Draft d = new DirectoryService.Draft(name.get(), description.get(), phone.get(),
                location.get(), Set.copyOf(services));
        return () -> original == null ? service.add(d) : service.update(original, d);
    }

    @Override
    protected DirectoryEntry setActive(DirectoryEntry original, boolean active) {
        return service.setActive(original, active);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ServiceType> filterProperty() {
        return filter;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public ObservableSet<ServiceType> services() {
        return services;
    }
}
