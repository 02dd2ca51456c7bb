#pragma once
// Thin RAII ownership for GEOS's reentrant C API. Each Geos object is one
// GEOS context: use it from one thread at a time.

#include <geos_c.h>

#include <memory>
#include <QString>

namespace gridwall::geo {

class Geos
{
public:
    Geos();
    ~Geos();
    Geos(const Geos &) = delete;
    Geos &operator=(const Geos &) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    // The last error or notice GEOS reported on this context.
    QString lastMessage() const { return m_lastMessage; }

    struct GeometryDeleter
    {
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry *g) const { GEOSGeom_destroy_r(handle, g); }
    };
    using GeometryPtr = std::unique_ptr<GEOSGeometry, GeometryDeleter>;
    GeometryPtr own(GEOSGeometry *g) const { return GeometryPtr(g, GeometryDeleter{m_handle}); }

private:
    static void onMessage(const char *message, void *userdata);
    GEOSContextHandle_t m_handle;
    QString m_lastMessage;
};

} // namespace gridwall::geo
