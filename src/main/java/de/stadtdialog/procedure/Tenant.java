package de.stadtdialog.procedure;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A municipality. Its id is also the Camunda tenant id of its process instances. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private String id;

    private String name;

    protected Tenant() {
    }

    public Tenant(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }
}
