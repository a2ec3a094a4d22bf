package de.stadtdialog.citizen.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.stadtdialog.citizen.CitizenUser;

/** "Meine Rückmeldungen": what became of the logged-in citizen's contributions (the feedback mails link here). */
@Controller
class MyFeedbackController {

    static final String PATH = "/buerger/rueckmeldungen";

    private final MyFeedback feedback;

    MyFeedbackController(MyFeedback feedback) {
        this.feedback = feedback;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal CitizenUser citizen, Model model) {
        model.addAttribute("procedures", feedback.collect(citizen));
        return "citizen/feedback";
    }
}
