package de.stadtdialog.citizen;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.stadtdialog.TestMailGateway;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenAccounts;
import de.stadtdialog.citizen.internal.CitizenAccounts.Registration;
import de.stadtdialog.citizen.internal.CitizenProcesses;
import de.stadtdialog.citizen.internal.CitizenRepository;
import de.stadtdialog.notification.OutgoingMail;

/**
 * Citizens for tests, made through the real registration, opt-in and mail steps. Every scenario has its own
 * names, addresses and client address, so tests sharing the database, the mail gateway and the rate limits do
 * not meet. Not a bean: tests build it from the shared context.
 */
public final class CitizenScenario {

    public static final String TENANT = "kaiserslautern";
    public static final String PASSWORD = "Sehr-geheimes Passwort 1";

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+)");

    private final CitizenAccounts accounts;
    private final CitizenRepository citizens;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TestMailGateway mailGateway;
    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private final String client;

    public CitizenScenario(ApplicationContext context) {
        this.accounts = context.getBean(CitizenAccounts.class);
        this.citizens = context.getBean(CitizenRepository.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.managementService = context.getBean(ManagementService.class);
        this.mailGateway = context.getBean(TestMailGateway.class);
        // documentation prefix (RFC 3849): never a real client
        this.client = "2001:db8::" + Integer.toHexString(CLIENTS.incrementAndGet()) + ":"
            + token.substring(0, 4);
    }

    /** This scenario's client address, for {@link #from(String)}. */
    public String client() {
        return client;
    }

    /** Another client address of this scenario. */
    public String otherClient(int n) {
        return client + ":" + Integer.toHexString(n);
    }

    /** Sets the request's client address (rate limits count per client). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public RequestPostProcessor fromHere() {
        return from(client);
    }

    public String username(String name) {
        return name + "-" + token;
    }

    public String email(String name) {
        return name + "-" + token + "@example.org";
    }

    public Registration registration(String name) {
        return new Registration(username(name), "Erika", "Muster-" + name, email(name), PASSWORD);
    }

    /** Registers {@code name} and runs the confirmation-mail job; the citizen is PENDING. */
    public Citizen registered(String name) {
        accounts.register(registration(name), client);
        Citizen citizen = citizen(name);
        executeJob(CitizenProcesses.REGISTRATION, citizen.getId(), CitizenProcesses.TASK_SEND_CONFIRMATION_MAIL);
        return citizen(name);
    }

    /** Registered and confirmed by the link from the mail. */
    public Citizen confirmed(String name) {
        Citizen citizen = registered(name);
        accounts.confirm(tokenFromLastMailTo(citizen.getEmail()));
        return citizens.findById(citizen.getId()).orElseThrow();
    }

    public Citizen citizen(String name) {
        return citizens.findByTenantIdAndUsernameKey(TENANT, Citizen.usernameKey(username(name))).orElseThrow();
    }

    public static CitizenUser user(Citizen citizen) {
        return new CitizenUser(citizen.getId(), citizen.getUsername(), citizen.getTenantId());
    }

    /** Logs a MockMvc request in as the citizen, as the citizens' login would. */
    public static RequestPostProcessor as(Citizen citizen) {
        return as(user(citizen));
    }

    public static RequestPostProcessor as(CitizenUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
            List.of(new SimpleGrantedAuthority(CitizenUser.AUTHORITY))));
    }

    /**
     * Continues the browser session of an earlier MockMvc request: sessions live in the database (Spring Session
     * JDBC, whose filter MockMvc runs too) and are found by their cookie.
     */
    public static RequestPostProcessor sessionOf(MvcResult earlier) {
        Cookie cookie = earlier.getResponse().getCookie("SESSION");
        return request -> {
            if (cookie != null) {
                request.setCookies(cookie);
            } else if (earlier.getRequest().getSession(false) != null) {
                request.setSession(earlier.getRequest().getSession(false));
            }
            return request;
        };
    }

    public ProcessInstance instance(String processKey, Long citizenId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
            .processInstanceBusinessKey(String.valueOf(citizenId)).singleResult();
    }

    public List<ProcessInstance> instances(String processKey, Long citizenId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
            .processInstanceBusinessKey(String.valueOf(citizenId)).list();
    }

    /** Executes the one job at {@code activityId} of the citizen's instance of {@code processKey}. */
    public void executeJob(String processKey, Long citizenId, String activityId) {
        ProcessInstance instance = instance(processKey, citizenId);
        if (instance == null) {
            throw new AssertionError("No " + processKey + " for citizen " + citizenId);
        }
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
            .singleResult();
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " for citizen " + citizenId);
        }
        managementService.executeJob(job.getId());
    }

    /** Runs every pending account-mail job of the citizen (one per request). */
    public void sendAccountMails(Long citizenId) {
        for (ProcessInstance instance : instances(CitizenProcesses.ACCOUNT_MAIL, citizenId)) {
            managementService.createJobQuery().processInstanceId(instance.getId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    public List<OutgoingMail> mailsTo(String address) {
        return mailGateway.delivered().stream().filter(mail -> mail.to().equals(address)).toList();
    }

    public String tokenFromLastMailTo(String address) {
        List<OutgoingMail> mails = mailsTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + address);
        }
        return tokenIn(mails.get(mails.size() - 1).body());
    }

    public static String tokenIn(String body) {
        Matcher matcher = TOKEN.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link with a token in:\n" + body);
        }
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    /** The path and query of the first link in a mail that contains {@code pathPart}. */
    public static String linkIn(String body, String pathPart) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(\\S*" + Pattern.quote(pathPart) + "\\S*)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link with " + pathPart + " in:\n" + body);
        }
        return matcher.group(1);
    }
}
