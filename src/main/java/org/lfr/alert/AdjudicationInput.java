package org.lfr.alert;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AdjudicationInput")
@Description("An officer's decision on an alert. An outcome may only follow a confirmed match.")
public record AdjudicationInput(@Id @NotNull UUID alertId, @NotNull Adjudication adjudication, Outcome outcome,
        @Size(max = 4000) String notes) {
}
