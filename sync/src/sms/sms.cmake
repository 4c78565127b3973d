# The SMS channel: gateways over libcurl, numbers through libphonenumber, the connector.
# Included from sync/CMakeLists.txt; adds to samla_sync.
find_package(CURL REQUIRED)
# Debian's libphonenumber-dev ships neither a CMake package nor a pkg-config file.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)

target_sources(samla_sync PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/gateway_http.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phone_number.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rest_gateway.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sms_connector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sms_settings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/twilio_gateway.cpp
)
target_include_directories(samla_sync SYSTEM PRIVATE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(samla_sync PRIVATE CURL::libcurl ${PHONENUMBER_LIBRARY})
