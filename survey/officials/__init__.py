"""The officials' register of the PAR INDEX sociological survey (issue 20): leaders and officials
invited to assess administrative reform, each sent one single-use invitation. The register is
never joined to answers: an official's invitation is not recorded, only that one was sent."""
