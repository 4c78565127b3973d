# Warnings every Samla target builds with; a warning is a defect to fix, not to silence.
function(samla_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  if(SAMLA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
