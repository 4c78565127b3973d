#define BOOST_TEST_MODULE samla_sms
#include <boost/test/unit_test.hpp>
