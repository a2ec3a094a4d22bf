package de.stadtdialog.membercall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A non-citizen seat filled by nomination (council group, administration, advisory board). */
@Entity
@Table(name = "member_nomination")
public class Nomination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long callId;

    @Column(nullable = false, length = 200)
    private String seatGroup;

    @Column(nullable = false, length = 200)
    private String name;

    protected Nomination() {
    }

    public Nomination(MemberCall call, String seatGroup, String name) {
        this.tenantId = call.getTenantId();
        this.callId = call.getId();
        this.seatGroup = seatGroup;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getCallId() {
        return callId;
    }

    public String getSeatGroup() {
        return seatGroup;
    }

    public String getName() {
        return name;
    }
}
