package org.lfr.notice;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;

@Input("NoticeInput")
public record NoticeInput(
        @NotEmpty @Size(max = 5) List<@NotNull NoticeChannel> channels,
        @NotBlank @Size(max = 1000) String area,
        @NotBlank @Size(min = 20, max = 8000) String text,
        @Size(max = 8000) String consultationNotes) {
}
