package de.stadtdialog.citizen.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.shared.InputRejectedException;

/** "Meine Daten": see everything held, download it as JSON, delete the account. */
@Controller
class MyDataController {

    private final MyData myData;
    private final CitizenAccounts accounts;
    private final CitizenSessions sessions;
    private final ObjectMapper json;

    MyDataController(MyData myData, CitizenAccounts accounts, CitizenSessions sessions, ObjectMapper json) {
        this.myData = myData;
        this.accounts = accounts;
        this.sessions = sessions;
        this.json = json;
    }

    @GetMapping("/buerger/meine-daten")
    String page(@AuthenticationPrincipal CitizenUser citizen, Model model) {
        MyData.Collected data = myData.collect(citizen);
        model.addAttribute("account", data.account());
        model.addAttribute("registeredAt", CitizenTimes.format(data.account().getCreatedAt()));
        model.addAttribute("confirmedAt", CitizenTimes.format(data.account().getConfirmedAt()));
        model.addAttribute("sections", data.sections());
        return "citizen/my-data";
    }

    @GetMapping("/buerger/meine-daten/download")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CitizenUser citizen) throws IOException {
        MyData.Collected data = myData.collect(citizen);
        byte[] body = json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(MyData.asJson(data));
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("stadtdialog-meine-daten.json").build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(body);
    }

    @GetMapping("/buerger/meine-daten/loeschen")
    String deletePage() {
        return "citizen/delete";
    }

    @PostMapping("/buerger/meine-daten/loeschen")
    String delete(@AuthenticationPrincipal CitizenUser citizen, @RequestParam(defaultValue = "") String password,
            Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (password.isEmpty()) {
            model.addAttribute("passwordError", "empty");
            return "citizen/delete";
        }
        try {
            accounts.deleteAccount(citizen, password, ClientAddress.of(request));
        } catch (InputRejectedException wrong) {
            model.addAttribute("passwordError", "wrong");
            return "citizen/delete";
        } catch (TooManyAttemptsException limit) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAt", CitizenTimes.formatNotBefore(limit.retryAt()));
            return "citizen/delete";
        }
        // this browser's session and every other one of the account
        sessions.endAll(citizen.id(), citizen.username());
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/buerger/konto-geloescht";
    }

    @GetMapping("/buerger/konto-geloescht")
    String deleted() {
        return "citizen/deleted";
    }
}
