package de.stadtdialog.council.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OParl 1.1 object types this system serves, as Jackson records: property names and types as in the OParl
 * schema (https://schema.oparl.org/1.1/), absent values left out (the spec asks not to send {@code null}), date-times
 * as ISO-8601 strings with offset. Vendor properties carry the prefix {@code stadtdialog:}.
 */
final class OParlObjects {

    static final String SCHEMA = "https://schema.oparl.org/1.1/";

    private OParlObjects() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SystemObject(String id, String type, String oparlVersion, String body, String name, String website,
            String vendor, String product, String created, String modified, String web) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BodyObject(String id, String type, String system, String name, String shortName, String website,
            String organization, String person, String meeting, String paper, List<Object> legislativeTerm,
            String agendaItem, String consultation, String file, String locationList, String classification,
            String created, String modified, String web) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrganizationObject(String id, String type, String body, String name, String organizationType,
            String classification, String created, String modified) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LocationObject(String id, String type, String description, List<String> meetings, String created,
            String modified) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeetingObject(String id, String type, String name, String meetingState, Boolean cancelled, String start,
            LocationObject location, List<String> organization, List<AgendaItemObject> agendaItem, String created,
            String modified, String web,
            @JsonProperty("stadtdialog:invitationSent") String invitationSent) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgendaItemObject(String id, String type, String meeting, String number, int order, String name,
            @JsonProperty("public") Boolean isPublic, String consultation, String result, String resolutionText,
            String created, String modified,
            @JsonProperty("stadtdialog:changes") String changes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaperObject(String id, String type, String body, String name, String reference, String date,
            String paperType, List<FileObject> auxiliaryFile, List<ConsultationObject> consultation, String created,
            String modified, String web,
            @JsonProperty("stadtdialog:procedure") String procedure,
            @JsonProperty("stadtdialog:participationFormat") String participationFormat,
            @JsonProperty("stadtdialog:participationResults") String participationResults,
            @JsonProperty("stadtdialog:deviationReasons") String deviationReasons,
            @JsonProperty("stadtdialog:status") String status,
            @JsonProperty("stadtdialog:decision") String decision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConsultationObject(String id, String type, String paper, String agendaItem, String meeting,
            List<String> organization, Boolean authoritative, String role, String created, String modified,
            @JsonProperty("stadtdialog:result") String result) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileObject(String id, String type, String name, String accessUrl, List<String> paper, String created,
            String modified, @JsonProperty("stadtdialog:externalReport") Boolean externalReport) {
    }

    /** One page of an external object list. */
    record ListPage(List<?> data, Map<String, Integer> pagination, Map<String, String> links) {
    }
}
