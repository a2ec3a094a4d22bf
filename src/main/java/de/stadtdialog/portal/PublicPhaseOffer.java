package de.stadtdialog.portal;

import java.util.List;

import de.stadtdialog.procedure.Procedure;

/**
 * Lets the module that runs a procedure say what the public can do now (read the invitation, comment, vote, …),
 * shown on the public project page. Implementations are Spring beans, return nothing for procedures of other
 * kinds, and return only what is already public: the portal shows every offer to anyone.
 */
public interface PublicPhaseOffer {

    List<PublicOffer> offersFor(Procedure procedure);
}
