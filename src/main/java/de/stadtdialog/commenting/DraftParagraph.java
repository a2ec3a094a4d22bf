package de.stadtdialog.commenting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One paragraph of one version of a draft, with the section it belongs to. A new version gets new rows, so every
 * version stays readable and comments keep pointing at the text they were written on.
 */
@Entity
@Table(name = "commenting_paragraph", indexes = @Index(name = "ix_commenting_paragraph_draft",
    columnList = "draftId, version, position"))
public class DraftParagraph {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long draftId;

    private int version;

    /** Order within the version, from 1 over all sections. */
    private int position;

    private int sectionNumber;

    /** Null for text before the first heading. */
    @Column(length = 300)
    private String sectionTitle;

    @Column(nullable = false, columnDefinition = "text")
    private String text;

    protected DraftParagraph() {
    }

    public DraftParagraph(String tenantId, Long draftId, int version, int position, int sectionNumber,
            String sectionTitle, String text) {
        this.tenantId = tenantId;
        this.draftId = draftId;
        this.version = version;
        this.position = position;
        this.sectionNumber = sectionNumber;
        this.sectionTitle = sectionTitle;
        this.text = text;
    }

    /** The public anchor, stable within a version: {@code absatz-3}. */
    public String anchor() {
        return "absatz-" + position;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getDraftId() {
        return draftId;
    }

    public int getVersion() {
        return version;
    }

    public int getPosition() {
        return position;
    }

    public int getSectionNumber() {
        return sectionNumber;
    }

    public String getSectionTitle() {
        return sectionTitle;
    }

    public String getText() {
        return text;
    }
}
