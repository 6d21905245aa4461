package org.lfr.watchlist;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("WatchlistEntryInput")
@Description("A person proposed for this deployment's watchlist, with the legal basis and why they are on it.")
public record WatchlistEntryInput(
        @NotBlank @Size(max = 100) String subjectReference,
        @NotNull WatchlistCategory category,
        @NotBlank @Size(max = 1000) String legalBasis,
        @NotBlank @Size(max = 500) String imageSource,
        @NotNull @PastOrPresent LocalDate imageDate,
        @NotBlank @Size(min = 10, max = 4000) String justification,
        boolean subjectUnder18) {
}
