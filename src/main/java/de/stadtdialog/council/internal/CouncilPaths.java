package de.stadtdialog.council.internal;

import de.stadtdialog.council.Motion;

/** Context-relative addresses of the council pages, in one place for pages, mails and the portal's links. */
final class CouncilPaths {

    static final String STAFF = "/rat";
    static final String PUBLIC = "/oeffentlich/rat";

    private CouncilPaths() {
    }

    static String publicDecision(Motion motion) {
        return PUBLIC + "/vorlagen/" + motion.getId();
    }
}
