#include "geos.h"

namespace gridwall::geo {

Geos::Geos()
    : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_handle, &Geos::onMessage, this);
    GEOSContext_setNoticeMessageHandler_r(m_handle, &Geos::onMessage, this);
}

Geos::~Geos()
{
    GEOS_finish_r(m_handle);
}

void Geos::onMessage(const char *message, void *userdata)
{
    static_cast<Geos *>(userdata)->m_lastMessage = QString::fromUtf8(message);
}

} // namespace gridwall::geo
