package de.stadtdialog.council;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A council body of a municipality (Stadtrat, Hauptausschuss, Beirat für Bürgerbeteiligung): an OParl Organization. */
@Entity
@Table(name = "council_body", uniqueConstraints = @UniqueConstraint(columnNames = {"tenantId", "name"}))
public class CouncilBody {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 200)
    private String name;

    private Instant createdAt;

    protected CouncilBody() {
    }

    public CouncilBody(String tenantId, String name, Instant now) {
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    /** OParl organizationType: the council itself is a "Gremium" like every committee; advisory boards too. */
    public String getOrganizationType() {
        return "Gremium";
    }
}
