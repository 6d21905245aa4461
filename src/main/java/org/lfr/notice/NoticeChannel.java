package org.lfr.notice;

public enum NoticeChannel {
    WEB_PAGE, LEAFLET, SOCIAL_MEDIA, LOCAL_MEETING, COUNCILLOR_BRIEFING
}
