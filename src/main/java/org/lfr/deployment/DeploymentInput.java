package org.lfr.deployment;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DeploymentInput")
@Description("A deployment as drafted by an officer. Where and why: the location rationale is what a court will read.")
public record DeploymentInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]*") String reference,
        @NotBlank @Size(max = 2000) String purpose,
        @NotBlank @Size(max = 200) String locationName,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotBlank @Size(max = 2000) String areaDescription,
        @NotBlank @Size(min = 20, max = 4000) String locationRationale,
        @NotNull Instant plannedStart,
        @NotNull Instant plannedEnd,
        @NotBlank @Size(max = 100) String dpiaReference,
        @NotBlank @Size(max = 100) String equalityImpactReference,
        @DecimalMin("0") @DecimalMax("1") Double matchThreshold,
        @Description("Optional: faces an hour the cameras are expected to see, from which the deployment states its"
                + " expected false alerts. Estimate it from a footfall count of the area at that time (a council or"
                + " business-district count, or a few minutes' manual count at the spot × 60), times the share of"
                + " passers-by the cameras face.") @Min(1) @Max(1_000_000) Integer expectedFacesPerHour) {
}
