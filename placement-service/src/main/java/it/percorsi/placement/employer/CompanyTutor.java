package it.percorsi.placement.employer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person of the host who may tutor interns (tutor aziendale). Kept here, never in events. */
@Embeddable
public class CompanyTutor {

  @Column(name = "full_name", nullable = false, length = 200)
  @Schema(examples = "Giulia Verdi")
  @NotBlank
  @Size(max = 200)
  public String fullName;

  @Column(length = 200)
  @Schema(examples = "tutor@acme.example")
  @Email
  @Size(max = 200)
  public String email;

  public CompanyTutor() {}

  public CompanyTutor(String fullName, String email) {
    this.fullName = fullName;
    this.email = email;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompanyTutor t
        && java.util.Objects.equals(fullName, t.fullName)
        && java.util.Objects.equals(email, t.email);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(fullName, email);
  }
}
