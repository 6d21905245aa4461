package org.lfr.signage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;

@Input("SignageInput")
public record SignageInput(@NotBlank @Size(max = 50) String signTextVersion, @Size(max = 500) String photoReference) {
}
