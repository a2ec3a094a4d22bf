package de.stadtdialog.shared;

import java.util.List;

/**
 * Staff roles. Each role is a group in the Camunda identity service (managed in Camunda Admin) and a Spring
 * Security authority {@code ROLE_<group id>}.
 */
public final class Roles {

    public static final String OFFICER = "officer";
    public static final String COORDINATION = "coordination";
    public static final String SECRETARIAT = "secretariat";
    public static final String DESIGNER = "designer";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(OFFICER, COORDINATION, SECRETARIAT, DESIGNER, ADMIN);

    private Roles() {
    }
}
