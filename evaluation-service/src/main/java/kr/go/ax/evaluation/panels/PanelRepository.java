package kr.go.ax.evaluation.panels;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PanelRepository implements PanacheRepositoryBase<Panel, UUID> {
}
